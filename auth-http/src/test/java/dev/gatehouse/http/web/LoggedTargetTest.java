package dev.gatehouse.http.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** What of a request's query a log line may show. */
class LoggedTargetTest {

    @Test
    void plainParametersStayAndSecretLookingValuesAreMasked() {
        assertEquals("user=alice&limit=100", LoggedTarget.redacted("user=alice&limit=100"));
        assertEquals("invite=***&next=%2Fme", LoggedTarget.redacted("invite=inv_abc&next=%2Fme"));
        assertEquals("code=***&state=***&access_token=***&api_key=***&Password=***&client_secret=***",
                LoggedTarget.redacted("code=1&state=2&access_token=3&api_key=4&Password=5&client_secret=6"));
    }

    @Test
    void anEncodedSecretNameALongBareWordAndAMalformedNameAreMaskedToo() {
        assertEquals("%63ode=***", LoggedTarget.redacted("%63ode=abc"));
        assertEquals("***", LoggedTarget.redacted("gate_0123456789abcdefghij"));
        assertEquals("short", LoggedTarget.redacted("short"));
        assertEquals("%zz=***", LoggedTarget.redacted("%zz=abc"));
    }
}
