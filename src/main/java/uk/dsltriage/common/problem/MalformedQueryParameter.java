package uk.dsltriage.common.problem;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MultivaluedMap;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the query parameter whose value did not convert to the number the endpoint declares. JAX-RS answers such a
 * conversion failure with 404 (as if the resource did not exist); {@link ProblemMappers} uses this to answer 400
 * naming the parameter instead, for every endpoint. Values are never echoed.
 */
final class MalformedQueryParameter {

    private static final Set<Class<?>> INTEGERS = Set.of(int.class, Integer.class, long.class, Long.class, short.class,
            Short.class);

    private MalformedQueryParameter() {
    }

    /** The first numeric query parameter of {@code method} with a value in {@code query} that does not convert. */
    static Optional<Problem.FieldError> of(Method method, MultivaluedMap<String, String> query) {
        if (method == null || query == null) {
            return Optional.empty();
        }
        for (Parameter parameter : method.getParameters()) {
            QueryParam name = parameter.getAnnotation(QueryParam.class);
            if (name == null || !INTEGERS.contains(parameter.getType())) {
                continue;
            }
            List<String> values = query.get(name.value());
            if (values != null && values.stream().anyMatch(v -> !converts(parameter.getType(), v))) {
                return Optional.of(new Problem.FieldError(name.value(), expected(parameter)));
            }
        }
        return Optional.empty();
    }

    private static boolean converts(Class<?> type, String value) {
        try {
            if (type == long.class || type == Long.class) {
                Long.parseLong(value);
            } else if (type == short.class || type == Short.class) {
                Short.parseShort(value);
            } else {
                Integer.parseInt(value);
            }
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** "a whole number", with the range its constraints declare. */
    private static String expected(Parameter parameter) {
        Min min = parameter.getAnnotation(Min.class);
        Max max = parameter.getAnnotation(Max.class);
        if (min != null && max != null) {
            return "a whole number from " + min.value() + " to " + max.value();
        }
        return "a whole number";
    }
}
