package multistart.report;

import static org.assertj.core.api.Assertions.assertThat;

import multistart.config.Goal;
import org.junit.jupiter.api.Test;

/** result.json's Hessian figures in the user's sign. */
class ResultJsonTest {

    /**
     * Maximising descends on -f, whose Hessian is -H: the user's eigenvalues are the negated
     * ones, ascending again (the least of -H's becomes the greatest of H's).
     */
    @Test
    void aMaximisedFunctionsEigenvaluesAreNegatedAndStayAscending() {
        assertThat(ResultJson.usersSign(new double[] {1, 3, 5}, Goal.MAXIMIZE)).containsExactly(-5, -3, -1);
        assertThat(ResultJson.usersSign(new double[] {-2, 7}, Goal.MAXIMIZE)).containsExactly(-7, 2);
        assertThat(ResultJson.usersSign(new double[] {1, 3, 5}, Goal.MINIMIZE)).containsExactly(1, 3, 5);
        assertThat(ResultJson.usersSign(new double[0], Goal.MAXIMIZE)).isEmpty();
        assertThat(ResultJson.usersSign(null, Goal.MAXIMIZE)).isNull();
    }
}
