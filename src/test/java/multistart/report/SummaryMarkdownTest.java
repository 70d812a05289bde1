package multistart.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SummaryMarkdownTest {

    /** One unresolved end point is said in the singular (a 2000-d sphere sweep ends at one). */
    @Test
    void unresolvedEndPointsAreCountedInWords() {
        assertThat(SummaryMarkdown.unresolvedHold(1, 200, 200)).isEqualTo(
                "1 unresolved end point holds 200 runs (100.0% of all)");
        assertThat(SummaryMarkdown.unresolvedHold(3, 1, 400)).isEqualTo(
                "3 unresolved end points hold 1 run (0.3% of all)");
    }
}
