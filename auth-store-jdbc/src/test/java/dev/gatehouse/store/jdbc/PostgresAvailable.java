package dev.gatehouse.store.jdbc;

import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class only when there is a PostgreSQL server: the one given in
 * {@code GATEHOUSE_TEST_POSTGRES_URL} (.ci/postgres starts one and prints that URL), else one
 * Testcontainers starts when a Docker engine runs (once per test run). Without either the class is
 * skipped with the reason, except under {@code CI=true}, where it fails: in CI the PostgreSQL tests
 * must never silently skip.
 */
public final class PostgresAvailable implements ExecutionCondition, BeforeAllCallback {

    static final String URL_VARIABLE = "GATEHOUSE_TEST_POSTGRES_URL";

    /** The server's URL: the configured one, else a container's if Docker runs. */
    static Optional<String> url() {
        Optional<String> configured = Optional.ofNullable(System.getenv(URL_VARIABLE)).map(String::strip)
                .filter(url -> !url.isEmpty());
        return configured.isPresent() ? configured : Container.url();
    }

    /** A PostgreSQL in Docker, started on first use and left to Testcontainers' reaper to stop. */
    private static final class Container {
        private static Optional<String> url;

        static synchronized Optional<String> url() {
            if (url == null) {
                url = start();
            }
            return url;
        }

        private static Optional<String> start() {
            if (!org.testcontainers.DockerClientFactory.instance().isDockerAvailable()) {
                return Optional.empty();
            }
            org.testcontainers.containers.PostgreSQLContainer<?> postgres =
                    new org.testcontainers.containers.PostgreSQLContainer<>("postgres:15-alpine");
            postgres.start();
            return Optional.of("postgres://" + postgres.getUsername() + ":" + postgres.getPassword() + "@"
                    + postgres.getHost() + ":" + postgres.getFirstMappedPort() + "/" + postgres.getDatabaseName());
        }
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
