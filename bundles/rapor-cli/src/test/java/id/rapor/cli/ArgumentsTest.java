package id.rapor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ArgumentsTest {

    private static Arguments parse(String... args) {
        return Arguments.parse(args, null);
    }

    private static String refusal(String... args) {
        return assertThrows(UsageException.class, () -> parse(args)).getMessage();
    }

    @Test
    void aCommandWithItsOperandsAndDefaults() {
        Arguments a = parse("score", "pekppp:2024", "a.json");
        assertEquals(Command.SCORE, a.command());
        assertEquals(List.of("pekppp:2024", "a.json"), a.operands());
        assertEquals("http://127.0.0.1:8080", a.url());
        assertFalse(a.json());
    }

    @Test
    void optionsGoAnywhereInEitherForm() {
        Arguments a = parse("batch", "--json", "pekppp-2022", "units.csv", "--region", "Kab. Contoh", "--at-or-below=C", "--url=http://h:1");
        assertTrue(a.json());
        assertEquals("http://h:1", a.url());
        assertEquals("Kab. Contoh", a.region());
        assertEquals("C", a.atOrBelow());
        assertEquals(List.of("pekppp-2022", "units.csv"), a.operands());
        assertNull(parse("batch", "x", "u.csv").region());
    }

    @Test
    void urlComesFromTheOptionThenTheEnvironment() {
        assertEquals("http://env:2", Arguments.parse(new String[] {"methodologies"}, "http://env:2").url());
        assertEquals("http://opt:3", Arguments.parse(new String[] {"--url", "http://opt:3", "methodologies"}, "http://env:2").url());
        assertEquals("http://127.0.0.1:8080", Arguments.parse(new String[] {"methodologies"}, " ").url());
    }

    @Test
    void wrongCommandLinesSayWhatIsWrong() {
        assertEquals("no command", refusal());
        assertEquals("no command", refusal("--json"));
        assertEquals("unknown command 'scores'", refusal("scores"));
        assertEquals("unknown option --colour", refusal("--colour", "methodologies"));
        assertEquals("--url needs a value", refusal("methodologies", "--url"));
        assertEquals("--region needs a value", refusal("batch", "x", "u.csv", "--region="));
        assertEquals("--json takes no value", refusal("--json=yes", "methodologies"));
        assertEquals("usage: rapor-cli score ID|FAMILY:YEAR ASSESSMENT.json (got 1 argument(s))", refusal("score", "pekppp-2022"));
        assertEquals("usage: rapor-cli deployments (got 1 argument(s))", refusal("deployments", "now"));
        assertEquals("--at-or-below belongs to batch and monitoring, not score", refusal("score", "x", "a.json", "--at-or-below", "C"));
        assertEquals("--comment belongs to propose and enter, not batch", refusal("batch", "x", "u.csv", "--comment", "why"));
        assertEquals("usage: rapor-cli propose ID FOLDER --comment WHY (--comment is missing)", refusal("propose", "x", "dir"));
        assertEquals("--json or --csv, not both", refusal("batch", "x", "u.csv", "--csv", "--json"));
    }

    @Test
    void methodologyByIdOrFamilyAndYear() {
        assertEquals(new MethodologyChoice("pekppp-2022", null, 0), MethodologyChoice.parse("pekppp-2022"));
        assertEquals(new MethodologyChoice(null, "ombudsman", 2023), MethodologyChoice.parse("ombudsman:2023"));
        assertEquals("POST /api/v1/score?family=ombudsman&year=2023", MethodologyChoice.parse("ombudsman:2023").score(null).toString());
        assertEquals("POST /api/v1/methodologies/pekppp-2022/score/batch", MethodologyChoice.parse("pekppp-2022").scoreRegion(null).toString());
        assertThrows(UsageException.class, () -> MethodologyChoice.parse("ombudsman:dua"));
        assertThrows(UsageException.class, () -> MethodologyChoice.parse(":2023"));
        assertThrows(UsageException.class, () -> MethodologyChoice.parse(""));
    }
}
