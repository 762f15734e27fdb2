package dev.gatehouse.store.jdbc;

import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class only when a PostgreSQL server is given in {@code GATEHOUSE_TEST_POSTGRES_URL}
 * (.ci/postgres starts one and prints that URL). Without one the class is skipped with the reason,
 * except under {@code CI=true}, where it fails: in CI the PostgreSQL tests must never silently skip.
 * (Testcontainers would be the other source of a server, but these machines have no Docker engine.)
 */
public final class PostgresAvailable implements ExecutionCondition, BeforeAllCallback {

    static final String URL_VARIABLE = "GATEHOUSE_TEST_POSTGRES_URL";

    /** The server's URL, if one is configured. */
    static Optional<String> url() {
        return Optional.ofNullable(System.getenv(URL_VARIABLE)).map(String::strip).filter(url -> !url.isEmpty());
    }

    private static boolean inCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (url().isPresent()) {
            return ConditionEvaluationResult.enabled("PostgreSQL at " + JdbcSettings.parse(url().get()).maskedUrl());
        }
        if (inCi()) {
            return ConditionEvaluationResult.enabled("CI=true: must run, and will fail without a server");
        }
        return ConditionEvaluationResult.disabled(URL_VARIABLE + " is not set and there is no Docker engine:"
                + " PostgreSQL tests skipped. Run `.ci/postgres start` and export the URL it prints as " + URL_VARIABLE + ".");
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (url().isEmpty()) {
            throw new IllegalStateException("CI=true but " + URL_VARIABLE + " is not set: the PostgreSQL tests"
                    + " must run in CI. Start a server with `.ci/postgres start` and export the URL it prints.");
        }
    }
}
