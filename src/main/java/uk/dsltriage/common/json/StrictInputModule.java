package uk.dsltriage.common.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.OffsetDateTime;

/**
 * Refuses, for every JSON body at once, the values PostgreSQL cannot store or that no real input has: a string with
 * U+0000 or an unpaired surrogate, and a date-time outside years 1 to 9999. Each is a mapping error (400 problem
 * naming the field); the value itself is never put in the message.
 */
@Singleton
public class StrictInputModule implements ObjectMapperCustomizer {

    static final int MIN_YEAR = 1;
    static final int MAX_YEAR = 9999;

    /** Last, after Quarkus has registered the java.time module: the deserializers of a later module win. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        SimpleModule module = new SimpleModule("dsl-triage-strict-input");
        module.addDeserializer(String.class, new CleanStringDeserializer());
        module.addDeserializer(OffsetDateTime.class, new BoundedOffsetDateTimeDeserializer());
        mapper.registerModule(module);
    }

    /** True when the text holds no U+0000 and every surrogate is half of a pair. */
    static boolean storable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    static final class CleanStringDeserializer extends StringDeserializer {
        @Override
        public String deserialize(JsonParser p, DeserializationContext context) throws IOException {
            String value = super.deserialize(p, context);
            if (value != null && !storable(value)) {
                return (String) context.handleWeirdStringValue(String.class, "",
                        "text contains U+0000 or an unpaired surrogate");
            }
            return value;
        }
    }

    static final class BoundedOffsetDateTimeDeserializer extends JsonDeserializer<OffsetDateTime> {
        @Override
        public OffsetDateTime deserialize(JsonParser p, DeserializationContext context) throws IOException {
            OffsetDateTime value = InstantDeserializer.OFFSET_DATE_TIME.deserialize(p, context);
            if (value != null && (value.getYear() < MIN_YEAR || value.getYear() > MAX_YEAR)) {
                return (OffsetDateTime) context.handleWeirdStringValue(OffsetDateTime.class, "",
                        "date-time outside years " + MIN_YEAR + " to " + MAX_YEAR);
            }
            return value;
        }
    }
}
