package uk.dsltriage.console.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.dsltriage.incident.Location;
import uk.dsltriage.incident.api.RecordIncidentRequest;
import uk.dsltriage.triage.facts.FactsBody;
import uk.dsltriage.triage.facts.ParticipantBody;
import uk.dsltriage.vocabulary.IncidentType;
import uk.dsltriage.vocabulary.ParticipantRole;

/**
 * Reads the "record a concern" form into the API's request, checked by the same constraints as the API's JSON
 * (so a time in the future, a name instead of a reference or an empty account is refused alike), and turns every
 * problem into a message for the field it belongs to. {@code occurredAt} is a wall-clock time in Europe/London.
 */
@ApplicationScoped
public class ConcernFormReader {

    /** Either a request to record, or the problems that stop it (then {@code request} is null). */
    public record Read(RecordIncidentRequest request, FormErrors errors) {
    }

    private static final String CHOOSE = "Choose one of the options";

    private final ObjectMapper mapper;
    private final Validator validator;

    public ConcernFormReader(ObjectMapper mapper, Validator validator) {
        this.mapper = mapper;
        this.validator = validator;
    }

    public Read read(ConcernForm form) {
        Map<String, String> problems = new LinkedHashMap<>();
        OffsetDateTime occurredAt = occurredAt(form.occurredAt, problems);
        Location location = parse(Location.class, form.location, "location", problems);
        List<IncidentType> types = new ArrayList<>();
        for (String type : form.incidentTypes == null ? List.<String>of() : form.incidentTypes) {
            IncidentType parsed = parse(IncidentType.class, type, "incidentTypes", problems);
            if (parsed != null && !types.contains(parsed)) {
                types.add(parsed);
            }
        }
        List<Integer> rowOfParticipant = new ArrayList<>();
        List<ParticipantBody> participants = participants(form, rowOfParticipant, problems);
        FactsBody facts = facts(form, problems);
        RecordIncidentRequest request = new RecordIncidentRequest(occurredAt, location, text(form.account),
                text(form.childVoice), types, null, null, participants, facts, null, null, null);
        for (ConstraintViolation<RecordIncidentRequest> violation : validator.validate(request)) {
            String field = field(violation.getPropertyPath(), rowOfParticipant);
            problems.putIfAbsent(field, message(field, constraint(violation), violation.getMessage()));
        }
        return problems.isEmpty() ? new Read(request, new FormErrors()) : new Read(null, inPageOrder(problems));
    }

    private static OffsetDateTime occurredAt(String value, Map<String, String> problems) {
        if (ConcernForm.isBlank(value)) {
            return null;
        }
        try {
            // A time that does not exist (the spring-forward hour) moves forward; a repeated one takes British Summer Time.
            return LocalDateTime.parse(value.strip()).atZone(LondonTime.LONDON).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            problems.put("occurredAt", "Enter a real date and time, for example 01/07/2026 09:00");
            return null;
        }
    }

    private static List<ParticipantBody> participants(ConcernForm form, List<Integer> rowOfParticipant,
            Map<String, String> problems) {
        List<ParticipantBody> participants = new ArrayList<>();
        java.util.Set<String> refs = new java.util.HashSet<>();
        for (ConcernForm.Person person : form.people()) {
            if (person.isEmpty()) {
                continue;
            }
            int n = person.number();
            Integer age = age(person.ageYears(), n, problems);
            Boolean send = answer(person.hasSEND(), "hasSEND-" + n, problems);
            ParticipantRole role = parse(ParticipantRole.class, person.role(), "role-" + n, problems);
            String ref = ConcernForm.isBlank(person.ref()) ? null : person.ref().strip();
            if (ref != null && !refs.add(ref.toUpperCase(java.util.Locale.ROOT))) {
                problems.put("ref-" + n, "Give person " + n + " their own reference: another person has it");
            }
            participants.add(new ParticipantBody(ref, role, age, null, null, null, send, null, null, null, null, null, null));
            rowOfParticipant.add(n);
        }
        return participants;
    }

    private static Integer age(String value, int n, Map<String, String> problems) {
        if (ConcernForm.isBlank(value)) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            problems.put("ageYears-" + n, "Enter the age of person " + n + " in whole years, or leave it blank");
            return null;
        }
    }

    private FactsBody facts(ConcernForm form, Map<String, String> problems) {
        Map<String, Boolean> known = new LinkedHashMap<>();
        form.answers().forEach((fact, value) -> {
            Boolean answer = answer(value, fact, problems);
            if (answer != null) {
                known.put(fact, answer);
            }
        });
        return mapper.convertValue(known, FactsBody.class);
    }

    /** yes, no, or unknown ("don't know", or not answered): unknown stays null, never false. */
    private static Boolean answer(String value, String field, Map<String, String> problems) {
        if (ConcernForm.isBlank(value) || ConcernForm.UNKNOWN.equals(value)) {
            return null;
        }
        if (ConcernForm.YES.equals(value)) {
            return Boolean.TRUE;
        }
        if (ConcernForm.NO.equals(value)) {
            return Boolean.FALSE;
        }
        problems.put(field, CHOOSE);
        return null;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field, Map<String, String> problems) {
        if (ConcernForm.isBlank(value)) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        problems.put(field, CHOOSE);
        return null;
    }

    /** A browser sends CRLF line ends from a textarea; the record keeps plain newlines, as the API's JSON has. */
    private static String text(String value) {
        return ConcernForm.isBlank(value) ? null : value.replace("\r\n", "\n");
    }

    /** The form field a violation belongs to: a participant's field by the row the person was entered in. */
    private static String field(Path path, List<Integer> rowOfParticipant) {
        Iterator<Path.Node> nodes = path.iterator();
        Path.Node first = nodes.next();
        if ("participants".equals(first.getName()) && nodes.hasNext()) {
            Path.Node inner = nodes.next();
            Integer index = inner.getIndex() != null ? inner.getIndex() : first.getIndex();
            if (index != null && index < rowOfParticipant.size() && inner.getName() != null) {
                return inner.getName() + "-" + rowOfParticipant.get(index);
            }
            return "people";
        }
        if ("facts".equals(first.getName()) && nodes.hasNext()) {
            return nodes.next().getName();
        }
        return first.getName();
    }

    private static String constraint(ConstraintViolation<?> violation) {
        return violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
    }

    private static String message(String field, String constraint, String fallback) {
        String person = field.contains("-") ? " for person " + field.substring(field.indexOf('-') + 1) : "";
        String name = field.contains("-") ? field.substring(0, field.indexOf('-')) : field;
        return switch (name + ":" + constraint) {
            case "occurredAt:NotNull" -> "Enter the date and time it happened";
            case "occurredAt:NotInFuture" -> "The date and time it happened must be now or in the past";
            case "location:NotNull" -> "Choose where it happened";
            case "incidentTypes:NotEmpty" -> "Choose at least one kind of concern";
            case "account:NotBlank" -> "Write what was seen, heard or said";
            case "account:Size" -> "Write the account in 10,000 characters or fewer";
            case "childVoice:Size" -> "Write the child's words in 5,000 characters or fewer";
            case "ref:NotNull" -> "Enter a reference such as P1" + person;
            case "ref:Pattern" -> "Use a reference such as P1 or C12" + person + ", never a name";
            case "role:NotNull" -> "Choose a role" + person;
            case "ageYears:Min", "ageYears:Max" -> "Enter an age between 0 and 120" + person;
            case "people:Size" -> "Enter at most 30 people";
            default -> fallback;
        };
    }

    private static FormErrors inPageOrder(Map<String, String> problems) {
        FormErrors errors = new FormErrors();
        problems.entrySet().stream()
                .sorted(Comparator.comparingInt(e -> position(e.getKey())))
                .forEach(e -> errors.add(e.getKey(), href(e.getKey()), e.getValue()));
        return errors;
    }

    private static final List<String> PAGE_ORDER = List.of("occurredAt", "location", "incidentTypes", "account",
            "childVoice", "people");

    private static int position(String field) {
        int top = PAGE_ORDER.indexOf(field);
        if (top >= 0) {
            return top;
        }
        if (field.contains("-")) {
            return 100 + Integer.parseInt(field.substring(field.indexOf('-') + 1)) * 10
                    + List.of("ref", "ageYears", "hasSEND", "role").indexOf(field.substring(0, field.indexOf('-')));
        }
        int fact = ConcernQuestions.FACTS.stream().map(ConcernQuestions.Question::name).toList().indexOf(field);
        return fact >= 0 ? 1000 + fact : 2000;
    }

    /** The element an error-summary entry links to: the field itself, or the first choice of a group. */
    static String href(String field) {
        return switch (field) {
            case "location" -> "#location-" + Location.values()[0].name();
            case "incidentTypes" -> "#incidentTypes-" + IncidentType.values()[0].name();
            case "people" -> "#ref-1";
            case "occurredAt", "account", "childVoice" -> "#" + field;
            default -> field.contains("-") ? "#" + field
                    : ConcernQuestions.isFact(field) ? "#" + field + "-" + ConcernForm.YES : "#concern-form";
        };
    }
}
