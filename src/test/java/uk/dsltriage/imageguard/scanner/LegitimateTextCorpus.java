package uk.dsltriage.imageguard.scanner;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Realistic text a DSL would legitimately send: accounts, references, hashes, handles, multilingual text.
 * Public test fixture (the HTTP-level tests reuse it). Everything here must scan {@code Clean}.
 */
public final class LegitimateTextCorpus {

    private LegitimateTextCorpus() {}

    /** Hand-written strings covering the tricky shapes. */
    public static List<String> fixedTexts() {
        return List.of(
            "On 3 March 2026 at 10:15 a Year 9 pupil (age 14) told her form tutor that an older boy had asked her to send "
                + "nudes on Snapchat. She did not send any. The tutor reported it to me (DSL) at 10:40 the same day.",
            "Reported to IWF via Report Remove. IWF reference IWF-2026-001234. Childline case opened; pupil supported by "
                + "the school counsellor. Device not viewed. Parents informed 14:30 with the pupil's agreement.",
            "Police crime number 01/123456/26 (Greater Manchester Police), officer PC 4521 Smith. Outcome 21 considered.",
            "Met Police CAD 4567/03MAR26; CRIS 1234567/26. Referral to MASH at 09:05, ref MASH-26-00912.",
            "Sextortion: the account @jay_2009 demanded \u00a3150 (one hundred and fifty pounds) by 9pm, then $200, then "
                + "\u20ac250. Pupil paid nothing. Platform: Instagram. Second handle: @j.a.y_official_2k9.",
            "Phone numbers mentioned: 07700 900123, +44 7700 900456, 0161 496 0000 and (020) 7946 0018.",
            "Times: 08:45, 12.30pm, 3:15 pm, 23:59; dates 03/03/2026, 2026-03-04, 4th March, Tues 5/3.",
            "SHA-256 of our internal reference: 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
            "Hashes (SHA-256, upper case): E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855 and "
                + "2C26B46B68FFC68FF99B453C1D30413413422D706483BFA0F98A5E886266E7AE",
            "Case id 550e8400-e29b-41d4-a716-446655440000; linked incidents 123e4567-e89b-12d3-a456-426614174000, "
                + "f47ac10b-58cc-4372-a567-0e02b2c3d479, 6fa459ea-ee8a-3ca4-894e-db77e160355e, "
                + "9b2c8f1e-3d4a-4b5c-8d6e-7f8091a2b3c4, 0b1c2d3e-4f50-4617-a8b9-cadbecfd0e1f.",
            "Words that look like base64: Mississippi, AbCdEfGh, TikTokUserName, getIncidentById, iPhone, WhatsApp, "
                + "YouTube, McDonald, PlayStation, xXgamerXx, Antidisestablishmentarianism.",
            "Welsh: Dywedodd y disgybl wrth ei hathrawes fod bachgen h\u0177n wedi gofyn am luniau. Mae'r ysgol wedi "
                + "cysylltu \u00e2'r heddlu. Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch.",
            "Polish: Ucze\u0144 powiedzia\u0142, \u017ce kolega z klasy wys\u0142a\u0142 mu wiadomo\u015b\u0107 o "
                + "22:15. Rodzice zosta\u0142y poinformowane. \u017b\u00f3\u0142ta \u0142\u00f3d\u017a, g\u0119\u015bl\u0105 ja\u017a\u0144.",
            "Arabic: \u0623\u062e\u0628\u0631 \u0627\u0644\u0637\u0627\u0644\u0628 \u0627\u0644\u0645\u0639\u0644\u0645 "
                + "\u0628\u0623\u0646 \u0634\u062e\u0635\u0627 \u0637\u0644\u0628 \u0645\u0646\u0647 \u0635\u0648\u0631\u0627. "
                + "\u062a\u0645 \u0625\u0628\u0644\u0627\u063a \u0627\u0644\u0648\u0627\u0644\u062f\u064a\u0646.",
            "Urdu: \u0637\u0627\u0644\u0628 \u0639\u0644\u0645 \u0646\u06d2 \u0627\u0633\u062a\u0627\u062f \u06a9\u0648 "
                + "\u0628\u062a\u0627\u06cc\u0627 \u06a9\u06c1 \u0627\u0633\u06d2 \u067e\u06cc\u063a\u0627\u0645\u0627\u062a "
                + "\u0645\u0648\u0635\u0648\u0644 \u06c1\u0648\u0626\u06d2\u06d4",
            "Chinese: \u5b66\u751f\u544a\u8bc9\u8001\u5e08\uff0c\u6709\u4eba\u5728\u7f51\u4e0a\u5411\u5979\u7d22\u8981"
                + "\u7167\u7247\u3002\u6211\u4eec\u5df2\u7ecf\u901a\u77e5\u4e86\u5bb6\u957f\u548c\u8b66\u5bdf\u3002",
            "Emoji from the chat (described, not copied): \ud83d\ude2d\ud83d\ude2d\ud83d\ude21 \u2764\ufe0f \ud83d\udc4d\ud83c\udffd "
                + "\ud83d\udd25\ud83d\udd25\ud83d\udd25 \ud83d\ude48\ud83d\ude49\ud83d\ude4a",
            "Platforms: Snapchat, Instagram, TikTok, WhatsApp, Discord, Roblox, Fortnite, Telegram, X (Twitter), "
                + "Facebook Messenger, Omegle-style sites, OnlyFans, Kik, Wizz, Yubo. Also snapchat.com and iwf.org.uk.",
            "Staff email: j.bloggs@stmarys.sch.uk; DSL mailbox dsl@school.example.org.",
            "Pupil said and/or implied he would share it 24/7; Year 9/10 group; KS3/KS4; he/she; w/c 2 March; "
                + "e.g./i.e.; 50/50; 1/2 term; 10/10.",
            "Percentages and maths: 50% of the class, 100%! 3 < 5 and 7 > 2. I <3 my mum, she wrote. A&E visit. "
                + "Q&A session; R&R; M&S voucher \u00a320.",
            "The pupil used the word data: she said her data was leaked. No image/video was uploaded here. "
                + "File names mentioned: IMG_0042.JPG, photo.png, video.mp4 (not opened).",
            "Postcode M1 1AE; address 221B Baker Street, London NW1 6XE; UPN A123456789012; ULN 1234567890.",
            "Ticket #4471, SIMS ID 009876, CPOMS incident 123456, MyConcern ref MC-2026-0042-A.",
            "Money: \u00a31,250.00; $49.99; 300 V-Bucks; 2,000 Robux; a \u00a350 Amazon voucher; 0.5 BTC demanded.",
            "Quote: \"send me a pic or I'll tell everyone\" -- he wrote at 21:07 then 21:08 then 21:09 (3 messages).",
            "Hahahahahahahahahahahahahahahaha he wrote, then nooooooooooooooooooooooooooooo, then!!!!!!!!!!!!!!!!!",
            "Recorded in line with UKCIS (2024) section 1.6; KCSIE 2025 para 135; Working Together 2023 ch.2.",
            "Handles: @jay_2009, @Jay.2009, jayjay2009x, x_jay_x, __jay__, JAY2009UK, j4y_th3_k1ng, user8472913.",
            "Reference numbers: IWF-2026-001234, IWF-2026-001235, RR-2026-77812, CEOP-2026-0091, LADO-26-114.",
            "SHA-1 a94a8fe5ccb19ba61c4c0873d391e987982fbbd3 and MD5 5d41402abc4b2a76b9719d911017c592 of case refs.",
            "SHA-512 of ref: cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e",
            "Vehicle reg AB12 CDE seen outside the school gate at 15:20 on 3 and 4 March.",
            "Meeting attendees: DSL (Mrs K. Patel), DDSL (Mr O. Nowak), Head (Dr S. Jones), SENCo, PC 4521.",
            "camelCaseWordsLikeThisAreFine andSoAreThese with numbers2026 and Version3Point1.",
            "Form groups affected: 7A, 7B, 7C, 8A, 8B, 8C, 9A, 9B, 9C, 10A, 10B, 10C, 11A, 11B, 11C.",
            "Timeline:\n09:00 disclosure\n09:20 DSL informed\n09:45 initial review meeting\n10:30 police called (101)\n"
                + "11:00 parents informed\r\n12:15 device secured in the safe, powered off, not viewed.",
            "The boy in Year 10 said that he had been sent the pictures by someone in Year 11 who had got them from a "
                + "group chat and that he did not know who had started it and he had deleted them straight away and he "
                + "was worried he would get into trouble because his friend had said that having them was illegal and so "
                + "he came to tell me at break time because he did not want anyone else to see them",
            "",
            " ",
            "N/A",
            "unknown",
            "TRUE",
            "Wi-Fi was switched off and the device placed in a sealed bag (bag no. 0048213) at 14:02.",
            "Gwybodaeth: Mae'r disgybl yn 13 oed. Cafodd y digwyddiad ei gofnodi am 11:30.",
            "Ticket \u2116 5; the word caf\u00e9, na\u00efve, co\u00f6perate, r\u00e9sum\u00e9, \u00c5ngstr\u00f6m, Stra\u00dfe, \u00d8resund.",
            "Snapchat streak 365 days; Snap Score 120000; username shown as j.a.y; story views 48.",
            "IWF URL report submitted (URL not recorded here, as policy requires). IWF reference IWF-2026-009999.",
            "St.Mary's C of E Primary; Ms.Li; Mr.Smith/Mrs.Jones; approx.3/4 of the class; No.10/11; Yr.9/10.",
            "Base64 was mentioned by the pupil as the way the app hides messages; we did not look.",
            "AAAA battery; BBBB; ZZZZZZ; aaaaaah; shhhhhhh; mmmmmm; 0000; 1111 2222 3333 4444.",
            "Bank card ending 4242; sort code 12-34-56; account 12345678; amount requested \u00a375.50.",
            "He said \u201cdelete it now\u201d \u2014 she didn\u2019t \u2026 so I advised her not to delete (UKCIS 1.7).");
    }

    /** Generated accounts: combinations of openings, events, details and actions. At least 100. */
    public static List<String> generatedAccounts() {
        String[] who = {"A Year 7 pupil", "A Year 8 girl (12)", "A Year 9 boy aged 14", "A Year 10 pupil (15)",
            "A Year 11 student", "A sixth-former aged 17", "A pupil in 6B", "A child in Reception class",
            "A looked-after child in Year 9", "A pupil with an EHCP in Year 8"};
        String[] when = {"on Monday 2 March 2026 at 08:50", "at lunchtime on 03/03/2026", "after school on 4th March",
            "during period 3 (11:20-12:20)", "at 21:47 on Sunday evening", "on 2026-03-06 at about 7.30pm",
            "during the school trip on 12 March", "at break on Friday"};
        String[] what = {
            "told a teaching assistant that an adult online asked for nude images on Snapchat",
            "disclosed that images of her were shared in a WhatsApp group of about 40 pupils",
            "said that an account called @jay_2009 threatened to share an AI-generated image unless he paid \u00a3100",
            "showed a member of staff his phone before she could stop him; she did not look closely and reported it",
            "reported that a classmate used a nudify app on a photo taken from Instagram",
            "said an older student from another school had been messaging her on TikTok at night",
            "was found crying in the toilets and said someone had screenshotted her private messages",
            "told the DSL that a Discord server (name given as 'year9 chat') was sharing pictures of pupils"};
        String[] detail = {
            "IWF reference IWF-2026-00%04d was recorded.",
            "Police crime number 13/%06d/26 was given by the call handler.",
            "The pupil's phone number ends 07700 90%04d and was not used by staff.",
            "Case UUID %s.",
            "Reference hash %s (SHA-256 of the case number).",
            "He paid nothing; demand was \u00a3%d by 9pm.",
            "%d pupils were named as having received it.",
            "Report Remove used with Childline; case number CL-%d."};
        String[] action = {"The device was secured, switched off and not viewed.",
            "Parents were informed at 16:00 unless this would put the child at risk.",
            "A referral was made to children's social care (MASH) the same day.",
            "The DSL recorded the decision not to view, with reasons, signed and dated.",
            "No image was copied, printed, shared or stored by staff.",
            "The pupil was reassured and supported by the pastoral lead."};
        Random rnd = new Random(42);
        List<String> out = new ArrayList<>();
        int i = 0;
        for (String w : who) {
            for (int k = 0; k < 12; k++) {
                String d = detail[(i + k) % detail.length];
                String filled;
                if (d.contains("%s") && d.contains("UUID")) {
                    filled = String.format(d, new UUID(rnd.nextLong(), rnd.nextLong()));
                } else if (d.contains("%s")) {
                    filled = String.format(d, sha256("CASE-" + rnd.nextInt(100000)));
                } else {
                    filled = String.format(d, rnd.nextInt(9999) + 1);
                }
                String s = w + " " + when[(i + k) % when.length] + " " + what[(i * 3 + k) % what.length] + ". "
                    + filled + " " + action[(i + 2 * k) % action.length];
                if (k % 4 == 3) {
                    s = s + "\n\nFollow-up " + when[(k + 1) % when.length] + ": " + what[(k + 2) % what.length] + ". "
                        + action[(k + 3) % action.length] + " " + String.format(detail[(k + 5) % detail.length],
                        rnd.nextInt(9999) + 1);
                }
                out.add(s);
            }
            i++;
        }
        return out;
    }

    /** Everything: fixed texts plus generated accounts. */
    public static List<String> texts() {
        List<String> all = new ArrayList<>(fixedTexts());
        all.addAll(generatedAccounts());
        all.addAll(LongAccounts.all());
        return List.copyOf(all);
    }

    /** Realistic whole request bodies built from {@link #texts()}: every text as free text in a full incident. */
    public static List<String> bodies() {
        List<String> texts = texts();
        List<String> out = new ArrayList<>();
        Random rnd = new Random(7);
        for (int i = 0; i < texts.size(); i++) {
            String t = SmugglingCorpus.quote(texts.get(i), i % 2 == 0);
            String other = SmugglingCorpus.quote(texts.get((i + 17) % texts.size()), false);
            out.add("{\"incidentType\":\"NUDE_IMAGE_SHARING\",\"reportedAt\":\"2026-03-03T10:40:00Z\","
                + "\"schoolUrn\":\"" + (100000 + rnd.nextInt(899999)) + "\",\"account\":" + t + ","
                + "\"facts\":{\"imagesInvolved\":true,\"childAge\":" + (5 + rnd.nextInt(13)) + ",\"imageDepictsSexualActs\":\"unknown\","
                + "\"adultInvolved\":false,\"coercion\":null,\"amountDemandedPence\":15000},"
                + "\"participants\":[{\"ref\":\"" + new UUID(rnd.nextLong(), rnd.nextLong()) + "\",\"role\":\"CHILD\",\"yearGroup\":9,"
                + "\"handles\":[\"@jay_2009\",\"jayjay2009x\"],\"platforms\":[\"Snapchat\",\"Instagram\",\"TikTok\"]},"
                + "{\"ref\":\"P-2\",\"role\":\"ALLEGED_PERPETRATOR\",\"ageBand\":\"ADULT\",\"notes\":" + other + "}],"
                + "\"iwf\":{\"reportedToIwf\":true,\"reference\":\"IWF-2026-00" + (1000 + i) + "\"},"
                + "\"police\":{\"crimeNumber\":\"01/" + (100000 + i) + "/26\",\"force\":\"GMP\"},"
                + "\"viewing\":{\"viewerRole\":\"DSL\",\"reason\":\"NECESSARY_FOR_TAKEDOWN_REPORT\",\"headteacherConsulted\":true,"
                + "\"secondStaffPresent\":true,\"sameSexAsChild\":true,\"onPremises\":true,\"noCopyMade\":true,"
                + "\"wouldCauseSignificantDistress\":false,\"signedBy\":\"K. Patel (DSL)\",\"timestamp\":\"2026-03-03T11:05:00+00:00\"},"
                + "\"scores\":[1,2,3,4,5,6,7,8,9,10],\"hashes\":[\"" + sha256("a" + i) + "\",\"" + sha256("b" + i) + "\"]}");
        }
        return out;
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
