package dev.gatehouse.http.forwardauth;

import io.micronaut.http.HttpRequest;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the proxy says the original request was, read one way for every use at {@code /auth/verify}
 * (the route table, the model of the query, the sign-in link): its method from
 * {@code X-Forwarded-Method} or {@code X-Original-Method} (GET when neither is sent, as nginx's
 * {@code auth_request} may not say), its URI from {@code X-Forwarded-Uri} or {@code X-Original-URI},
 * its host from {@code X-Forwarded-Host} and its scheme from {@code X-Forwarded-Proto}.
 *
 * <p>Ambiguity is refused rather than resolved by a precedence a client could exploit: a header
 * sent more than once, or both spellings of one thing with different values, throw
 * {@link IllegalArgumentException} (a 400). A blank value counts as not sent. The documented proxy
 * configurations set or clear every one of these headers, so a client's own never reach the check.
 */
record ForwardedOrigin(String method, Optional<String> uri, Optional<String> host, Optional<String> proto) {

    static final String FORWARDED_METHOD = "X-Forwarded-Method";
    static final String ORIGINAL_METHOD = "X-Original-Method";
    static final String FORWARDED_URI = "X-Forwarded-Uri";
    static final String ORIGINAL_URI = "X-Original-URI";
    static final String FORWARDED_HOST = "X-Forwarded-Host";
    static final String FORWARDED_PROTO = "X-Forwarded-Proto";

    /** RFC 9110's token characters: a method is one token, so "GET, POST" is two and refused. */
    private static final Pattern METHOD = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    /** The original request as the proxy described it; throws {@link IllegalArgumentException} when that is ambiguous. */
    static ForwardedOrigin of(HttpRequest<?> request) {
        Optional<String> method = agreed(request, FORWARDED_METHOD, ORIGINAL_METHOD, true);
        method.filter(m -> !METHOD.matcher(m).matches()).ifPresent(m -> {
            throw new IllegalArgumentException(FORWARDED_METHOD + " / " + ORIGINAL_METHOD + " must be one HTTP method,"
                    + " not '" + printable(m) + "'; have the proxy set it to the original request's method.");
        });
        return new ForwardedOrigin(method.map(m -> m.toUpperCase(Locale.ROOT)).orElse("GET"),
                agreed(request, FORWARDED_URI, ORIGINAL_URI, false), single(request, FORWARDED_HOST),
                single(request, FORWARDED_PROTO));
    }

    /**
     * The one value of header {@code name}, stripped; empty when it is absent or blank. Sent more
     * than once, it is refused: which one the proxy meant cannot be known.
     */
    static Optional<String> single(HttpRequest<?> request, String name) {
        List<String> values = request.getHeaders().getAll(name);
        if (values.size() > 1) {
            throw new IllegalArgumentException(name + " was sent " + values.size() + " times; send it once. (A proxy"
                    + " must set it, replacing any the client sent.)");
        }
        return values.stream().map(String::strip).filter(value -> !value.isEmpty()).findFirst();
    }

    /** Either spelling's value; both sent must agree (methods ignoring case), or it is refused. */
    private static Optional<String> agreed(HttpRequest<?> request, String forwarded, String original, boolean ignoreCase) {
        Optional<String> first = single(request, forwarded);
        Optional<String> second = single(request, original);
        if (first.isPresent() && second.isPresent()
                && !(ignoreCase ? first.get().equalsIgnoreCase(second.get()) : first.get().equals(second.get()))) {
            throw new IllegalArgumentException(forwarded + " ('" + printable(first.get()) + "') and " + original + " ('"
                    + printable(second.get()) + "') disagree about the original request; have the proxy set one of"
                    + " them and clear the other.");
        }
        return first.or(() -> second);
    }

    /** At most 200 characters of a client's value, controls shown as '?', for an error message. */
    private static String printable(String value) {
        String shown = value.length() > 200 ? value.substring(0, 200) + "..." : value;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }
}
