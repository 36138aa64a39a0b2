package uk.dsltriage.referral;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import uk.dsltriage.common.LenientJsonOracle;
import uk.dsltriage.common.StoredRecords;
import uk.dsltriage.referral.api.CreateReferralRequest;
import uk.dsltriage.referral.api.ReferralForm;

/**
 * A referral's form as the service stored it before the form became a domain value (written by the code of commit
 * 2b33e3c, where the stored value was the wire's {@code ReferralForm}): it must still read, and the service must still
 * write the same bytes, so that stored rows, new rows and the feed agree.
 */
@QuarkusTest
class ReferralStorageCompatibilityTest {

    static final String STORED_BEFORE = "{\"referrer\":{\"name\":\"Sam Example\",\"role\":\"Designated safeguarding lead\","
            + "\"agency\":\"Example Academy\",\"phone\":\"01632 960000\"},\"phoneReferralMade\":true,"
            + "\"phoneReferralAt\":\"2026-11-20T11:05:00Z\",\"consent\":{\"consentToShareObtained\":false,"
            + "\"consentNotObtainedReason\":\"Significant harm: consent is not needed and seeking it could increase risk.\"},"
            + "\"parentsInformed\":false,\"parentsNotInformedReason\":\"WOULD_INCREASE_RISK\",\"participantRef\":\"P1\","
            + "\"professionals\":[{\"name\":\"Dr Example\",\"role\":\"GP\",\"agency\":\"Example Surgery\"}],"
            + "\"concerns\":{\"facts\":\"The pupil disclosed that an adult she met online is asking her to meet him this week.\","
            + "\"dslAccount\":\"Spoken to the pupil with a second member of staff present; she is frightened and wants help.\","
            + "\"childVoice\":\"I don't want to go but he says he will share the pictures.\",\"censusFactors\":[\"11A\"]},"
            + "\"recommendation\":{\"ruleSetId\":\"uk-eng-safeguarding\",\"ruleSetVersion\":\"2025.2\","
            + "\"routes\":[\"POLICE_999\",\"CSC_REFERRAL_S47\",\"DSL_REVIEW\"],\"urgency\":\"IMMEDIATE\"},"
            + "\"decisionRationale\":\"Risk of significant harm from an adult: section 47 threshold met.\",\"thresholdLevel\":4}";

    @Inject
    LenientJsonOracle json;

    @Inject
    StoredRecords records;

    @Inject
    ObjectMapper mapper;

    @Test
    void aFormStoredBeforeReadsAndIsWrittenAgainByteForByte() {
        assertEquals(STORED_BEFORE, records.writeAsApi(json.read(STORED_BEFORE, ReferralContent.class)));
    }

    @Test
    void theFeedShowsAStoredFormAsItDidBefore() {
        // Before, the feed's form was the stored JSON read as the wire record itself.
        assertEquals(json.write(json.read(STORED_BEFORE, ReferralForm.class)),
                records.writeAsApi(ReferralForm.of(json.read(STORED_BEFORE, ReferralContent.class))));
    }

    @Test
    void theCommandIsFingerprintedAsTheRequestWas() throws IOException {
        // A retry sent after an upgrade must still match the referral its first call sent (the Idempotency-Key).
        try (InputStream in = getClass().getResourceAsStream("/openapi-examples/createReferral.json")) {
            CreateReferralRequest request = mapper.readValue(in, CreateReferralRequest.class);
            assertEquals(json.write(request), records.writeAsApi(request.toCommand()));
        }
    }
}
