package dev.gatehouse.http.access;

import dev.gatehouse.http.web.Caller;
import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Hands controllers their caller as a parameter ({@code Caller caller}), as Micronaut Security
 * established it. A route for signed-in callers always has one; on a public route declare it
 * {@code @Nullable} (or {@code Optional<Caller>}): a session that came along is there, else nothing.
 */
@Singleton
class CallerBinder implements TypedRequestArgumentBinder<Caller> {

    private static final Argument<Caller> TYPE = Argument.of(Caller.class);

    @Override
    public Argument<Caller> argumentType() {
        return TYPE;
    }

    @Override
    public BindingResult<Caller> bind(ArgumentConversionContext<Caller> context, HttpRequest<?> source) {
        Optional<Caller> caller = source.getUserPrincipal().flatMap(CallerAuthentication::caller);
        return caller.isPresent() ? () -> caller : BindingResult.unsatisfied();
    }
}
