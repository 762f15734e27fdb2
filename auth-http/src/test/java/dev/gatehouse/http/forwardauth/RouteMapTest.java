package dev.gatehouse.http.forwardauth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/** The route table finds plain paths by look-up and the rest by pattern, and answers as trying every rule in order would. */
class RouteMapTest {

    @Test
    void theLookUpAnswersAsTryingEveryRuleInOrderWouldForEverySpellingOfEveryRoute() {
        RouteMap table = RouteMap.parse("GET /v1/models=chat, /v1/engines/special/completions=images,"
                + " POST /v1/images/**=chat", true);
        List<String> paths = new ArrayList<>();
        for (RouteMap.Rule rule : table.rules()) {
            String path = rule.pattern().replace("{model}", "llama-3").replace("**", "a/b").replace("*", "x");
            paths.addAll(List.of(path, path.toUpperCase(Locale.ROOT), path + "/", path + "x", "/" + path,
                    path.replace('k', '\u212a'), path.replace('i', '\u0130'), path.replace("s", "S")));
        }
        paths.addAll(List.of("/", "", "/nothing", "/V1/MODELS", "/v1/ModeLs"));
        for (String path : paths) {
            for (String method : List.of("GET", "POST", "get", "DELETE", "HEAD")) {
                assertEquals(everyRuleInOrder(table, method, path), table.match(method, path), method + " " + path);
            }
        }
    }

    @Test
    void anOperatorsRuleBeforeABuiltInOneOfTheSamePathWinsWhateverItsKind() {
        RouteMap table = RouteMap.parse("/v1/chat/**=images, GET /v1/models=@admin", true);
        assertEquals(Optional.of("images"), table.match("POST", "/v1/chat/completions").flatMap(RouteMap.Match::feature));
        assertEquals(true, table.match("GET", "/v1/models").orElseThrow().adminOnly());
        assertEquals(false, table.match("HEAD", "/v1/models").map(RouteMap.Match::adminOnly).orElse(false));
    }

    /** The reference: every rule in turn, by its regex. */
    private static Optional<RouteMap.Match> everyRuleInOrder(RouteMap table, String method, String path) {
        for (RouteMap.Rule rule : table.rules()) {
            if (!rule.method().equals("*") && !rule.method().equals(method.toUpperCase(Locale.ROOT))) {
                continue;
            }
            Matcher matcher = rule.regex().matcher(path);
            if (matcher.matches()) {
                Optional<String> model = rule.regex().pattern().contains("(?<model>")
                        ? Optional.of(matcher.group("model")) : Optional.empty();
                return Optional.of(new RouteMap.Match(rule.feature(), model, rule.modelHidden(), rule.adminOnly()));
            }
        }
        return Optional.empty();
    }
}
