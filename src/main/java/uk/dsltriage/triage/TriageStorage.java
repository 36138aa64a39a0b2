package uk.dsltriage.triage;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uk.dsltriage.common.StoredRecordException;
import uk.dsltriage.common.StoredRecords;
import uk.dsltriage.common.StoredRecords.Stored;
import uk.dsltriage.rules.EvaluationError;
import uk.dsltriage.rules.FiredRule;
import uk.dsltriage.rules.KnownFacts;
import uk.dsltriage.rules.Recommendation;
import uk.dsltriage.vocabulary.ForbiddenAction;
import uk.dsltriage.vocabulary.IncidentType;
import uk.dsltriage.vocabulary.RequiredAction;
import uk.dsltriage.vocabulary.Route;
import uk.dsltriage.vocabulary.SexualViolenceType;
import uk.dsltriage.vocabulary.Urgency;
import uk.dsltriage.vocabulary.VictimWishes;

/**
 * Writes and reads what triage stores as JSON (facts snapshots and results), strictly: a missing, renamed or unknown
 * field is an error ({@link StoredFormatException}), never a silent null. Rows carry {@code storageVersion} and are
 * written with every field, nulls included. Rows written before it existed (format 1: the API's facts body and the
 * engine's result as they were then, written without nulls) are read by their own shape, refusing unknown fields,
 * renamed facts and absent required fields, and upgraded, so every stored recommendation still replays. The
 * mechanism is the one for every stored record ({@link StoredRecords}); its failures are {@link StoredFormatException}.
 */
@ApplicationScoped
public class TriageStorage {

    private final StoredRecords records;

    public TriageStorage(StoredRecords records) {
        this.records = records;
    }

    public String write(StoredFacts facts) {
        return records.write(facts);
    }

    public String write(StoredResult result) {
        return records.write(result);
    }

    public StoredFacts readFacts(String json) {
        return failingAsStoredFormat(() -> {
            Stored stored = records.parse("facts snapshot", json);
            return records.read(stored, StoredFacts.VERSION, StoredFacts.class,
                    before -> records.readUnversioned(before, FactsV1.class).upgrade());
        });
    }

    public StoredResult readResult(String json) {
        return failingAsStoredFormat(() -> {
            Stored stored = records.parse("result", json);
            return records.read(stored, StoredResult.VERSION, StoredResult.class,
                    before -> records.readUnversioned(before, ResultV1.class).upgrade());
        });
    }

    /** Triage's callers know its failures as {@link StoredFormatException}, a kind of {@link StoredRecordException}. */
    private static <T> T failingAsStoredFormat(Supplier<T> read) {
        try {
            return read.get();
        } catch (StoredFormatException e) {
            throw e;
        } catch (StoredRecordException e) {
            throw new StoredFormatException(e.getMessage());
        }
    }

    // ---- format 1: rows written before storageVersion, in the shapes the code of that time wrote

    /** Format 1 facts: the API's facts body, every fact of that time written, null when unknown. */
    record FactsV1(OffsetDateTime occurredAt, List<IncidentType> incidentTypes, SexualViolenceType sexualViolenceType,
            VictimWishes victimWishes, List<StoredFacts.StoredParticipant> participants, Map<String, Object> facts,
            StoredFacts.StoredReporter reporter, StoredFacts.StoredAttestation dslAttestation) {

        StoredFacts upgrade() {
            require(occurredAt != null && incidentTypes != null && !incidentTypes.isEmpty(),
                    "facts snapshot (format 1) has no occurredAt or incidentTypes");
            if (participants != null) {
                for (StoredFacts.StoredParticipant p : participants) {
                    require(p != null && p.ref() != null && p.role() != null,
                            "facts snapshot (format 1) has a participant without ref or role");
                }
            }
            Map<String, Boolean> known = new LinkedHashMap<>();
            Integer days = null;
            if (facts != null) {
                Set<String> allowed = new HashSet<>(V1_FACT_NAMES);
                allowed.add(DAYS);
                require(allowed.containsAll(facts.keySet()),
                        "facts snapshot (format 1) names a fact format 1 did not have (renamed?)");
                for (String name : V1_FACT_NAMES) {
                    Object value = facts.get(name);
                    if (value != null && !(value instanceof Boolean)) {
                        throw new StoredFormatException("facts snapshot (format 1): a fact is not a boolean");
                    }
                    if (value != null) {
                        known.put(name, (Boolean) value);
                    }
                }
                Object d = facts.get(DAYS);
                if (d != null && !(d instanceof Integer)) {
                    throw new StoredFormatException("facts snapshot (format 1): unexplainedAbsenceDays is not a number");
                }
                days = (Integer) d;
            }
            return new StoredFacts(StoredFacts.VERSION, occurredAt, incidentTypes == null ? List.of() : incidentTypes,
                    sexualViolenceType, victimWishes, participants == null ? List.of() : participants, known, days,
                    reporter, dslAttestation);
        }
    }

    /** Format 1 results: the engine's result of that time, errors as text naming an exception. */
    record ResultV1(String ruleSetId, String ruleSetVersion, String ruleSetSha256, List<Route> routes,
            Urgency urgency, List<RequiredAction> requiredActions, List<ForbiddenAction> forbiddenActions,
            Boolean dslDecisionRequired, List<String> missingFacts, List<FiredRule> firedRules,
            Map<String, Object> derivedFacts, List<String> evaluationErrors) {

        StoredResult upgrade() {
            require(ruleSetId != null && ruleSetVersion != null && ruleSetSha256 != null && routes != null
                    && urgency != null && requiredActions != null && forbiddenActions != null
                    && dslDecisionRequired != null && missingFacts != null && firedRules != null
                    && derivedFacts != null && evaluationErrors != null, "result (format 1) is missing a field");
            List<EvaluationError> errors = new ArrayList<>();
            for (String text : evaluationErrors) {
                errors.add(v1Error(text));
            }
            // Format 1 left unknown (null) derived facts out: every derived fact is named again, in the engine's order.
            require(KnownFacts.DERIVED_FACTS.containsAll(derivedFacts.keySet()),
                    "result (format 1) names a derived fact the engine does not derive");
            Map<String, Object> derived = new LinkedHashMap<>();
            KnownFacts.DERIVED_FACTS.forEach(name -> derived.put(name, derivedFacts.get(name)));
            return StoredResult.of(new Recommendation(ruleSetId, ruleSetVersion, ruleSetSha256, routes, urgency,
                    requiredActions, forbiddenActions, dslDecisionRequired, missingFacts, firedRules,
                    Collections.unmodifiableMap(derived), List.copyOf(errors)));
        }
    }

    private static final String DAYS = "unexplainedAbsenceDays";
    /** The boolean facts the API had when format 1 was written: each format-1 row names exactly these. */
    static final List<String> V1_FACT_NAMES = StoredRecords.frozenNames("storage/facts-snapshot-v1-fact-names.txt");
    private static final Pattern V1_RULE_ERROR = Pattern.compile("([A-Za-z0-9]+): evaluation failed \\(\\w+\\)");

    /** The error texts the engine of format 1 wrote, as values; the exception's name is dropped. */
    static EvaluationError v1Error(String text) {
        if ("no rule set given".equals(text)) {
            return new EvaluationError(EvaluationError.Code.NO_RULE_SET, "no rule set given");
        }
        if (text != null && text.matches("input could not be read \\(\\w+\\)")) {
            return new EvaluationError(EvaluationError.Code.INPUT_UNREADABLE, "input could not be read");
        }
        if (text != null && text.matches("evaluation failed \\(\\w+\\)")) {
            return new EvaluationError(EvaluationError.Code.EVALUATION_FAILED, "evaluation failed");
        }
        Matcher m = text == null ? null : V1_RULE_ERROR.matcher(text);
        if (m != null && m.matches()) {
            return new EvaluationError(EvaluationError.Code.RULE_FAILED, m.group(1) + ": evaluation failed");
        }
        throw new StoredFormatException("result (format 1) holds an error text the engine never wrote");
    }

    // ---- plumbing

    private static void require(boolean ok, String problem) {
        if (!ok) {
            throw new StoredFormatException(problem);
        }
    }
}
