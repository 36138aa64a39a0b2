package uk.dsltriage.incident;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import uk.dsltriage.common.problem.ProblemException;
import uk.dsltriage.triage.facts.TriageFactsBody;

/** Applies a JSON Merge Patch (RFC 7396) to the facts in force; the result must be valid facts, or nothing changes. */
@ApplicationScoped
public class FactsPatches {

    private final ObjectMapper mapper;
    private final Validator validator;

    public FactsPatches(ObjectMapper mapper, Validator validator) {
        this.mapper = mapper.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.validator = validator;
    }

    public TriageFactsBody apply(TriageFactsBody current, JsonNode patch) {
        if (!patch.isObject()) {
            throw ProblemException.invalid("factsPatch", "must be a JSON object (a merge patch of the facts)");
        }
        JsonNode patched = mergePatch(mapper.valueToTree(current), patch);
        TriageFactsBody revised;
        try {
            revised = mapper.treeToValue(patched, TriageFactsBody.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            throw ProblemException.invalid("factsPatch", "the patched facts are not valid facts (unknown field or wrong type)");
        }
        Set<ConstraintViolation<TriageFactsBody>> violations = validator.validate(revised);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return revised;
    }

    /** RFC 7396 section 2: objects merge member by member, null removes a member, anything else replaces. */
    static JsonNode mergePatch(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch.deepCopy();
        }
        ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy()
                : com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            if (member.getValue().isNull()) {
                result.remove(member.getKey());
            } else {
                result.set(member.getKey(), mergePatch(result.get(member.getKey()), member.getValue()));
            }
        }
        return result;
    }
}
