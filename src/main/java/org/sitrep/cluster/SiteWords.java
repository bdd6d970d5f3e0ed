package org.sitrep.cluster;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sitrep.model.Report;

/**
 * The kinds of site a report says were hit, read from its headline and first sentence: "Strike on
 * bakery in al-Qusour" names a bakery, "the water pumping station in the industrial zone was hit"
 * a water station. Two reports from one city on one day that name different sites ("bakery" against
 * "water pumping station") are two strikes, however alike their words; a gazetteer knows no bakeries,
 * so the words are all there is. English, Arabic, Russian and Ukrainian. Thread-safe (stateless).
 */
final class SiteWords {
    /** The headline and this much of the body: where a report says what was hit. */
    static final int LEAD_CHARS = 300;

    private record Kind(String key, String regex) {}

    private static final Kind[] KINDS = {
        new Kind("bakery", "(?:bakery|bakeries|bread ovens?)(?![\\p{L}])|مخبز|الفرن|فرن|пекарн|хлебозавод|хлібозавод"),
        new Kind("market", "(?:market(?:place)?s?|bazaars?|souqs?)(?![\\p{L}])|السوق|سوق|рын(?:ок|ке|ка)|рин(?:ок|ку)"),
        new Kind("hospital", "(?:hospitals?|clinics?|medical (?:centre|center|point)|health (?:centre|center))(?![\\p{L}])|مشفى|المشفى|مستشفى|المستشفى|مستوصف"
                + "|больниц|госпитал|лікарн|шпитал"),
        new Kind("school", "(?:schools?|kindergartens?|university)(?![\\p{L}])|مدرسة|المدرسة|جامعة|школ|университет|університет|детск(?:ий|ого) сад|дитсад"),
        new Kind("place of worship", "(?:mosques?|church(?:es)?)(?![\\p{L}])|مسجد|المسجد|جامع|كنيسة|мечет|церк[ов]"),
        new Kind("water station", "(?:water (?:pumping )?station|pumping station|water (?:treatment )?plant|waterworks)(?![\\p{L}])|محطة (?:مياه|ضخ)|محطة المياه"
                + "|водокачк|насосн\\p{L}* станц|водонасосн|водоканал"),
        new Kind("power station", "(?:power (?:plant|station)|substation|electricity station)s?(?![\\p{L}])|محطة (?:كهرباء|توليد)|محطة الكهرباء"
                + "|электростанц|подстанц|електростанц|підстанц|тэц|тец"),
        new Kind("checkpoint", "check ?-?points?(?![\\p{L}])|حاجز|блокпост"),
        new Kind("camp", "(?:displacement |refugee |idp )?camps?(?![\\p{L}])|مخيم|лагер[ьяе]"),
        new Kind("convoy", "(?:convoys?|trucks|lorries)(?![\\p{L}])|رتل|قافلة|колонн[ауы]"),
        new Kind("farm", "(?:poultry |chicken )?farm(?:land)?s?(?![\\p{L}])|مزرعة|مزارع|ферм"),
        new Kind("airport", "(?:airports?|air ?bases?|airfields?)(?![\\p{L}])|مطار|قاعدة جوية|аэродром|аэропорт|авиабаз|аеродром|аеропорт|авіабаз"),
        new Kind("port", "(?:port|harbou?r)(?![\\p{L}])|ميناء|порт(?![\\p{L}])"),
        new Kind("depot", "(?:depots?|warehouses?|arms cache)(?![\\p{L}])|مستودع|склад"),
        new Kind("fuel station", "(?:refinery|fuel (?:station|depot)|gas station|petrol station)(?![\\p{L}])|مصفاة|محطة وقود|нпз|нефтебаз|нафтобаз|азс"),
    };

    /** All kinds in one pattern, group i + 1 for kind i: one pass over the lead. */
    private static final Pattern ANY;

    static {
        StringBuilder sb = new StringBuilder("(?<![\\p{L}])(?:");
        for (int i = 0; i < KINDS.length; i++) sb.append(i == 0 ? "" : "|").append('(').append(KINDS[i].regex).append(')');
        ANY = Pattern.compile(sb.append(')').toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** "taken to hospital", "rushed to a nearby clinic": where the wounded went, not what was hit. */
    private static final Pattern DESTINATION_BEFORE = Pattern.compile("(?i)(?:(?<![\\p{L}])(?:to|into)|إلى|الى)\\s+(?:\\p{L}+\\s+){0,2}$");

    private SiteWords() {}

    /** The site kinds the report's lead names ("bakery", "market", ...), sorted; empty when it names none. */
    static Set<String> of(Report r) {
        String body = r.text() == null ? "" : r.text();
        int end = firstSentenceEnd(body);
        String lead = (r.title() == null ? "" : r.title()) + "\n" + body.substring(0, end);
        return of(lead);
    }

    static Set<String> of(String lead) {
        Set<String> out = new TreeSet<>();
        String s = lead.toLowerCase(Locale.ROOT);
        Matcher m = ANY.matcher(s);
        while (m.find()) {
            for (int i = 0; i < KINDS.length; i++) {
                if (m.start(i + 1) < 0) continue;
                String key = KINDS[i].key;
                if (key.equals("hospital") && DESTINATION_BEFORE.matcher(s.substring(Math.max(0, m.start() - 40), m.start())).find()) break;
                out.add(key);
                break;
            }
        }
        return out;
    }

    private static int firstSentenceEnd(String body) {
        int max = Math.min(body.length(), LEAD_CHARS);
        for (int i = 0; i < max; i++) {
            char c = body.charAt(i);
            if ((c == '.' || c == '!' || c == '?' || c == '\n') && (i + 1 >= body.length() || Character.isWhitespace(body.charAt(i + 1)))) {
                // "approx. 06:45", "St. George": an abbreviation is no sentence end
                if (c == '.' && i >= 2 && Character.isLowerCase(body.charAt(i - 1)) && i + 2 < body.length()
                        && Character.isDigit(body.charAt(i + 2))) continue;
                return i + 1;
            }
        }
        return max;
    }
}
