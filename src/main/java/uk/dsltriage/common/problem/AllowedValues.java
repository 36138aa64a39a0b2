package uk.dsltriage.common.problem;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The one wording of an enum field error, for bodies, query and path values: our values, never the client's. */
public final class AllowedValues {

    private AllowedValues() {
    }

    public static String of(Class<?> enumType) {
        return Arrays.stream(enumType.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                .collect(Collectors.joining(", ", "not one of the allowed values: ", ""));
    }
}
