package id.rapor.engine.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

public class LogTextTest {
    @Test
    void aLineBreakCannotForgeALogLine() {
        assertEquals("x\\n[main] INFO Revision 7 of pekppp-2022 activated by siti",
                LogText.safe("x\n[main] INFO Revision 7 of pekppp-2022 activated by siti"));
        assertEquals("a\\r\\tb\\u0000c\\u2028", LogText.safe("a\r\tb\u0000c\u2028"));
        assertEquals("Penilaian — ke-2", LogText.safe("Penilaian — ke-2"));
    }
}
