package uk.dsltriage.rules;

/** A numeric comparison against a constant, evaluated over an interval of possible values. */
public record Comparison(Op op, long value) {

    /** The closed set of comparison operators. */
    public enum Op {
        LT("<"), LTE("<="), GT(">"), GTE(">="), EQ("=");

        private final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    /**
     * Evaluates "x op value" where x is known to lie in [lo, hi]; hi is {@link Long#MAX_VALUE} when
     * there is no upper bound. The result is unknown when the interval straddles the threshold.
     */
    public Tri evaluate(long lo, long hi) {
        return switch (op) {
            case LT -> hi < value ? Tri.TRUE : lo >= value ? Tri.FALSE : Tri.UNKNOWN;
            case LTE -> hi <= value ? Tri.TRUE : lo > value ? Tri.FALSE : Tri.UNKNOWN;
            case GT -> lo > value ? Tri.TRUE : hi <= value ? Tri.FALSE : Tri.UNKNOWN;
            case GTE -> lo >= value ? Tri.TRUE : hi < value ? Tri.FALSE : Tri.UNKNOWN;
            case EQ -> lo == value && hi == value ? Tri.TRUE : (value < lo || value > hi) ? Tri.FALSE : Tri.UNKNOWN;
        };
    }

    public String text() {
        return op.symbol() + " " + value;
    }
}
