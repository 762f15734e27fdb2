package dev.gatehouse.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Failed sign-ins slow down with 429 and Retry-After; the address counted is the real client's. */
class ThrottlingTest {

    @Test
    void theSixthWrongPasswordIsAnsweredWith429AndRetryAfterWithoutCheckingIt() throws Exception {
        try (RunningServer app = new RunningServer()) {
            app.addUser("alice", "correct horse battery");
            for (int i = 0; i < 5; i++) {
                assertEquals(401, app.login("alice", "wrong password").statusCode());
            }
            HttpResponse<String> throttled = app.login("alice", "correct horse battery");
            assertEquals(429, throttled.statusCode(), throttled.body());
            assertTrue(throttled.body().contains("\"error\":\"too_many_attempts\""), throttled.body());
            assertEquals("1", throttled.headers().firstValue("Retry-After").orElseThrow());
            Thread.sleep(1100);
            assertEquals(200, app.login("alice", "correct horse battery").statusCode(), "after the wait it works");
        }
    }

    @Test
    void behindATrustedProxyEachClientIsCountedOnItsOwn() throws Exception {
        try (RunningServer app = new RunningServer(List.of("127.0.0.1"))) {
            app.addUser("alice", "correct horse battery");
            app.addUser("bob", "correct horse battery");
            for (int i = 0; i < 25; i++) {
                app.login("user" + i, "guess", "Content-Type", "application/json", "X-Forwarded-For", "203.0.113.50");
            }
            HttpResponse<String> attacker = app.login("bob", "correct horse battery",
                    "Content-Type", "application/json", "X-Forwarded-For", "203.0.113.50");
            assertEquals(429, attacker.statusCode(), "the guessing address is held back");
            HttpResponse<String> other = app.login("alice", "correct horse battery",
                    "Content-Type", "application/json", "X-Forwarded-For", "198.51.100.20");
            assertEquals(200, other.statusCode(), "another client behind the same proxy is not");
        }
    }

    @Test
    void withoutATrustedProxyForwardedForIsIgnoredSoItCannotDodgeTheThrottle() throws Exception {
        try (RunningServer app = new RunningServer()) {
            app.addUser("alice", "correct horse battery");
            for (int i = 0; i < 5; i++) {
                app.login("alice", "wrong", "Content-Type", "application/json", "X-Forwarded-For", "192.0.2." + i);
            }
            HttpResponse<String> answer = app.login("alice", "wrong", "Content-Type", "application/json",
                    "X-Forwarded-For", "192.0.2.99");
            assertEquals(429, answer.statusCode(), "a made-up X-Forwarded-For does not make a new client");
        }
    }
}
