package uk.dsltriage.imageguard.scanner;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Long accounts as a teacher or DSL writes them: numbered lists, times, quoted online messages, chat transcripts
 * with usernames, platforms named in words ("snapchat dot com"), emoji, Welsh, Polish and romanised Urdu names,
 * IWF / CEOP / police references and UUIDs. Each is 2,000 to 19,000 characters (within the 20,000 bound).
 */
final class LongAccounts {

    private static final String[] NAMES = {"Siân Llywelyn", "Gwenllian ap Rhys", "Dafydd Ifans", "Łukasz Wiśniewski",
        "Zofia Wójcik", "Małgorzata Kowalczyk", "Muhammad Aamir Qureshi", "Ayesha Bibi", "Zainab Rehman",
        "Hamza Chaudhry", "Ffion Hughes", "Oluwaseun Adeyemi", "Chloé Dubois", "Seán Ó Briain", "Priya Ramanathan"};
    private static final String[] HANDLES = {"xX_Jay2009_Xx", "lil_k1ng07", "j4ke.b0y", "@niamh_x0x", "@b4dboi_69",
        "mo.salah.fan_11", "QueenBee2010", "dark_angel_666", "@zz_top_lad", "gamerTag_NoScope360", "@siân.ll",
        "its_me_ayesha07", "kowal_PL_2k10", "TTV_Ghost_YT", "xx.hamza.xx"};
    private static final String[] MESSAGES = {"u up?", "send a pic or im telling everyone", "delete this after",
        "lol ur so fit 😍😍", "nobody will know i promise", "if u dont pay £50 by 9 i post it on ur school page",
        "who told u that 🤨", "its only a joke bro 😂😂😂", "ok fine", "stop messaging me!!!", "r u alone",
        "brb", "send it on snap not here", "i've got screenshots", "plz dont tell miss", "wyd 👀", "nah",
        "Paid £20 on PayPal pls stop", "meet at the park @ 6?", "ill block u", "Dw I deleted it", "💀💀💀"};
    private static final String[] PLATFORMS = {"Snapchat", "Instagram (instagram dot com)", "TikTok", "WhatsApp",
        "Discord (a server called 'Year 10 chill')", "Roblox", "Telegram", "X, formerly Twitter", "Wizz",
        "an anonymous site the pupil called 'ngl dot link'", "Facebook Messenger", "BeReal", "YouTube comments"};
    private static final String[] ACTIONS = {"Device was not viewed by any member of staff.",
        "I did not ask the pupil to show me the image.", "Parents were informed at 15:10 with the pupil's agreement.",
        "Referred to children's social care (MASH) at 11:05; ref MASH-26-%05d.",
        "Reported to IWF via Report Remove; IWF ref IWF-2026-%06d.", "CEOP report made, reference CEOP-%07d.",
        "Police informed; crime reference 47/%06d/26 (West Yorkshire Police), officer PC %04d.",
        "Recorded on CPOMS (incident %d) and flagged to the DSL.", "Pupil given the Childline number 0800 1111.",
        "Phone handed in, switched off and locked in the DSL's safe at 12:32.",
        "Case linked to %s in our records system."};

    private LongAccounts() {
    }

    static List<String> all() {
        List<String> out = new ArrayList<>();
        Random random = new Random(2026);
        for (int n = 0; n < 40; n++) {
            out.add(account(random, 2_000 + random.nextInt(17_000)));
        }
        return out;
    }

    private static String account(Random r, int targetLength) {
        StringBuilder s = new StringBuilder();
        s.append("Account written by ").append(pick(r, NAMES)).append(" (form tutor), ")
                .append(1 + r.nextInt(28)).append('/').append(1 + r.nextInt(12)).append("/2026 at ")
                .append(String.format("%02d:%02d", 8 + r.nextInt(9), r.nextInt(60))).append(".\n\n");
        int section = 0;
        while (s.length() < targetLength) {
            switch (section++ % 5) {
                case 0 -> narrative(r, s);
                case 1 -> transcript(r, s);
                case 2 -> list(r, s);
                case 3 -> references(r, s);
                default -> quotes(r, s);
            }
        }
        return s.substring(0, Math.min(s.length(), 19_000));
    }

    private static void narrative(Random r, StringBuilder s) {
        s.append("At ").append(String.format("%02d:%02d", 8 + r.nextInt(9), r.nextInt(60))).append(' ')
                .append(pick(r, NAMES)).append(" (Year ").append(7 + r.nextInt(7)).append(") came to me and said that ")
                .append(pick(r, NAMES)).append(" had been sent messages on ").append(pick(r, PLATFORMS))
                .append(" by an account called ").append(pick(r, HANDLES)).append(". She said, in her words, \"")
                .append(pick(r, MESSAGES)).append("\" and that she was scared to come to school. ")
                .append("She showed no image and I did not ask to see one. She thinks the account belongs to a boy in ")
                .append("Year ").append(9 + r.nextInt(4)).append(" but is not sure. ")
                .append("Dywedodd ei bod hi'n iawn ond roedd hi'n crio. Powiedziała, że nie chce, żeby mama wiedziała. ")
                .append("Uska kehna tha ke woh bohot pareshan hai aur ghar pe kisi ko nahi bataya. 😢\n\n");
    }

    private static void transcript(Random r, StringBuilder s) {
        s.append("What she read out to me from her phone (I did not take the phone or look at any image):\n");
        int lines = 4 + r.nextInt(10);
        for (int i = 0; i < lines; i++) {
            s.append('[').append(String.format("%02d:%02d", 18 + r.nextInt(6), r.nextInt(60))).append("] ")
                    .append(pick(r, HANDLES)).append(": ").append(pick(r, MESSAGES)).append('\n');
        }
        s.append('\n');
    }

    private static void list(Random r, StringBuilder s) {
        s.append("Actions taken:\n");
        int items = 3 + r.nextInt(5);
        for (int i = 1; i <= items; i++) {
            String action = pick(r, ACTIONS);
            if (action.contains("%s")) {
                action = String.format(action, UUID.nameUUIDFromBytes(("case" + r.nextInt()).getBytes()));
            } else if (action.contains("PC %04d")) {
                action = String.format(action, r.nextInt(999_999), r.nextInt(9999));
            } else if (action.contains("%")) {
                action = String.format(action, r.nextInt(9_999_999));
            }
            s.append(i).append(") ").append(action).append('\n');
        }
        s.append('\n');
    }

    private static void references(Random r, StringBuilder s) {
        s.append("References: IWF-2026-").append(String.format("%06d", r.nextInt(999_999)))
                .append("; CEOP ").append(String.format("CEOP-%07d", r.nextInt(9_999_999)))
                .append("; crime ref ").append(10 + r.nextInt(89)).append('/').append(100_000 + r.nextInt(899_999))
                .append("/26; Operation Encompass notification ").append(String.format("OE-%05d", r.nextInt(99_999)))
                .append("; linked record ").append(new UUID(r.nextLong(), r.nextLong()))
                .append("; LADO ref LADO/26/").append(r.nextInt(999)).append(".\n\n");
    }

    private static void quotes(Random r, StringBuilder s) {
        s.append("Later, ").append(pick(r, NAMES)).append(" told me that ").append(pick(r, HANDLES))
                .append(" had also posted \"").append(pick(r, MESSAGES)).append("\" on ").append(pick(r, PLATFORMS))
                .append(" and that people in the group chat replied \"").append(pick(r, MESSAGES)).append("\" and \"")
                .append(pick(r, MESSAGES)).append("\". He said the link was on snapchat dot com slash add slash something, ")
                .append("but he did not remember it. 🙏 I reminded everyone not to forward anything. ")
                .append("Mum (Mrs ").append(pick(r, NAMES)).append(") phoned back at ")
                .append(String.format("%02d:%02d", 15 + r.nextInt(4), r.nextInt(60))).append(" on 07700 9")
                .append(String.format("%05d", r.nextInt(99_999))).append(".\n\n");
    }

    private static String pick(Random r, String[] values) {
        return values[r.nextInt(values.length)];
    }
}
