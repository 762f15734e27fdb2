package dev.gatehouse.http.api.accounts;

import static dev.gatehouse.http.testing.RunningServer.assertError;
import static dev.gatehouse.http.testing.RunningServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.http.testing.RunningServer;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The administrators' user list over 251 accounts: pages in name order, a name to go on from, a total. */
class AdminUserPagingTest {

    static final String PASSWORD = "correct horse battery";
    static RunningServer app;
    static String admin;

    @BeforeAll
    static void start() throws Exception {
        app = new RunningServer();
        app.addAdmin("admin", PASSWORD);
        // Inserted out of order, so name order is the server's doing.
        app.addUsers(IntStream.range(0, 250).map(i -> (i * 7) % 250).mapToObj(i -> String.format("user-%03d", i)).toList(),
                PASSWORD);
        admin = app.signIn("admin", PASSWORD);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static HttpResponse<String> page(String query) {
        return app.json("GET", "/api/admin/users" + query, null, admin);
    }

    @Test
    void walkingThePagesGivesEveryUserOnceInNameOrder() {
        List<String> seen = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        String query = "";
        while (true) {
            HttpResponse<String> answer = page(query);
            assertEquals(200, answer.statusCode(), answer.body());
            JsonNode page = json(answer);
            assertEquals(251, page.path("total").asLong());
            page.path("users").forEach(user -> seen.add(user.path("username").asText()));
            sizes.add(page.path("users").size());
            JsonNode next = page.path("next");
            assertTrue(next.isNull() || next.isTextual(), "next is always there: " + answer.body().substring(0, 80));
            if (next.isNull()) {
                break;
            }
            query = "?limit=100&after=" + next.asText();
        }
        assertEquals(List.of(100, 100, 51), sizes, "the default page is 100");
        List<String> expected = new ArrayList<>(List.of("admin"));
        IntStream.range(0, 250).mapToObj(i -> String.format("user-%03d", i)).forEach(expected::add);
        assertEquals(expected, seen);
    }

    @Test
    void aPageCarriesWhatTheListShows() {
        HttpResponse<String> answer = page("?limit=2");
        JsonNode page = json(answer);
        assertEquals("user-000", page.path("next").asText());
        JsonNode first = page.path("users").get(0);
        assertEquals("admin", first.path("username").asText());
        assertTrue(first.path("admin").asBoolean());
        assertEquals("active", first.path("status").asText());
        assertTrue(first.has("lastLogin") && first.has("lastIp") && first.has("created"), first.toString());
        assertEquals(1, json(page("?after=user-248")).path("users").size());
        assertTrue(json(page("?after=user-249")).path("users").isEmpty());
        assertTrue(json(page("?after=user-249")).path("next").isNull());
    }

    @Test
    void aLimitOutsideOneToAThousandOrAMalformedAfterIsABadRequest() {
        for (String query : List.of("?limit=0", "?limit=1001", "?limit=-5", "?limit=ten", "?limit=1e3", "?after=a%2Fb")) {
            HttpResponse<String> answer = page(query);
            assertError(400, "bad_request", answer);
            assertTrue(answer.body().contains("'limit'") || answer.body().contains("'after'") || answer.body().contains("out of range"),
                    query + " -> " + answer.body());
        }
        assertEquals(1000, json(page("?limit=1000")).path("users").size() + 749);
    }
}
