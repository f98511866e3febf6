import id.rapor.client.RaporClient;
import id.rapor.client.RaporException;
import id.rapor.client.Types;
import java.math.BigDecimal;
import java.util.Map;

/** Scores the README's example unit (published IPP 2.97, "C — Cukup") and prints "2.97 C". */
public class ScoreExample {
    public static void main(String[] args) {
        String url = args.length > 0 ? args[0] : "http://127.0.0.1:8080";
        RaporClient rapor = RaporClient.builder().baseUrl(url).build();
        // Every indicator of pekppp-2022 needs an answer: a missing one is refused, never scored as zero.
        Map<String, BigDecimal> answers = RaporClient.answers(
                "i01", 3, "i02", 3, "i03", 3, "i04", 3, "i05", 3, "i06", 3, "i07", 3, "i08", 3,
                "i09", 3, "i10", 3, "i11", 3, "i12", 3, "i13", 3, "i14", 3, "i15", 3, "i16", 3,
                "i17", 3, "i18", 3, "i19", 3, "i20", 3, "i21", 3, "i22", 3, "i23", 3, "i24", 3,
                "i25", 3, "i26", 3, "i27", 3, "i28", 4, "i29", 3, "i30", 2, "i31", 2);
        try {
            Types.Score s = rapor.score("pekppp-2022", Types.Assessment.of("Dinas Kependudukan dan Pencatatan Sipil (contoh)", answers));
            System.out.println(s.index() + " " + s.band().code()); // 2.97 C
        } catch (RaporException e) {
            System.err.println(e.getMessage()); // the status, and each field that was wrong
            System.exit(1);
        }
    }
}
