package multistart.simd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.spi.ToolProvider;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The lane code is fast only when C2 compiles a whole step as one unit: a vector that crosses
 * a call C2 did not inline goes through memory, and each call spills every vector register.
 * C2 inlines a hot callee only up to 325 bytes of bytecode (FreqInlineSize), so every method a
 * step calls must stay within it. Peaks' kernel once was 530 bytes and its exp 329: W2 ran at
 * 0.93e8 steps/s instead of 1.35e8. This guards the sizes, read with javap.
 */
class InliningBudgetTest {

    static final int FREQ_INLINE_SIZE = 325;

    @ParameterizedTest(name = "{0}.{1}")
    @CsvSource({
        "multistart.simd.VectorMath, exp", "multistart.simd.VectorMath, trig2pi",
        "multistart.simd.LaneKernel$Peaks, evaluate",
        "multistart.simd.LaneKernel$Rastrigin, gradient", "multistart.simd.LaneKernel$Rosenbrock, gradient",
        "multistart.simd.LaneKernel$Rosenbrock, momentumThenGradient",
        "multistart.simd.LaneKernel$Rosenbrock, momentumStep", "multistart.simd.LaneKernel$Rastrigin, momentumStep",
        "multistart.simd.LaneKernel$Himmelblau, evaluate",
        "multistart.simd.LaneDescent, stepGd", "multistart.simd.LaneDescent, stepMomentum",
        "multistart.simd.LaneDescent, stepNesterov", "multistart.simd.LaneDescent, stepAdagrad",
        "multistart.simd.LaneDescent, stepRmsprop", "multistart.simd.LaneDescent, stepAdam"})
    void everyMethodAStepCallsIsSmallEnoughForC2ToInline(String type, String method) {
        Map<String, Integer> sizes = bytecodeSizes(type);
        assertThat(sizes).containsKey(method);
        assertThat(sizes.get(method)).as("bytecode bytes of %s.%s", type, method).isLessThanOrEqualTo(FREQ_INLINE_SIZE);
    }

    /**
     * The other way round: peaks' gradient (three exps), and its gradient-free step (six), must
     * be compiled on their own and called
     * by the step loop. Inlined into the loop, which C2 did whenever it compiled the loop before
     * the gradient, a sweep with stopping ran at 3.0-3.2e7 steps/s instead of 7.0-7.9e7, in about
     * half of the processes. Above 325 bytes C2 never inlines it.
     */
    @ParameterizedTest(name = "{0}.{1}")
    @CsvSource({"multistart.simd.LaneKernel$Peaks, gradient", "multistart.simd.LaneKernel$Peaks, momentumStep"})
    void kernelsTooBigForTheStepLoopStayOutOfIt(String type, String method) {
        Map<String, Integer> sizes = bytecodeSizes(type);
        assertThat(sizes).containsKey(method);
        assertThat(sizes.get(method)).as("bytecode bytes of %s.%s", type, method).isGreaterThan(FREQ_INLINE_SIZE);
    }

    /** Method name -> bytecode length (the offset after its last instruction), from javap -c. */
    static Map<String, Integer> bytecodeSizes(String type) {
        ToolProvider javap = ToolProvider.findFirst("javap").orElseThrow();
        StringWriter out = new StringWriter();
        String classes;
        try {
            classes = java.nio.file.Path.of(VectorMath.class.getProtectionDomain().getCodeSource().getLocation()
                    .toURI())
                    .toString();
        } catch (java.net.URISyntaxException e) {
            throw new AssertionError(e);
        }
        int rc = javap.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "-c", "-p", "-cp", classes, type);
        assertThat(rc).as("javap " + type).isZero();
        Map<String, Integer> sizes = new LinkedHashMap<>();
        Pattern header = Pattern.compile("^  \\S.*?(\\w+)\\(.*\\);$");
        Pattern instruction = Pattern.compile("^\\s+(\\d+): (\\w+)(.*)$");
        String current = null;
        for (String line : out.toString().split("\n")) {
            Matcher h = header.matcher(line);
            if (h.matches()) {
                current = h.group(1);
                continue;
            }
            Matcher i = instruction.matcher(line);
            if (current != null && i.matches()) {
                // every method ends in a one-byte return or athrow
                sizes.put(current, Integer.parseInt(i.group(1)) + 1);
            }
        }
        return sizes;
    }
}
