package dev.gatehouse.core.service.registration;

import dev.gatehouse.core.model.accounts.EmailAddress;
import dev.gatehouse.core.model.audit.AuditEvent.Outcome;
import dev.gatehouse.core.model.registration.Invite;
import dev.gatehouse.core.model.time.HumanDuration;
import dev.gatehouse.core.port.in.CreateInvite;
import dev.gatehouse.core.port.in.Refused;
import dev.gatehouse.core.port.out.InviteStore;
import dev.gatehouse.core.port.out.SecureRandomSource;
import dev.gatehouse.core.port.out.StoreException;
import dev.gatehouse.core.service.audit.AuditTrail;
import dev.gatehouse.core.service.support.AccountRules;
import dev.gatehouse.core.service.support.TokenDigests;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Makes invites: a fresh code, kept only as its digest, returned once. */
public final class CreateInviteService implements CreateInvite {

    private final InviteStore invites;
    private final TokenDigests digests;
    private final SecureRandomSource random;
    private final AuditTrail audit;
    private final Clock clock;

    public CreateInviteService(InviteStore invites, TokenDigests digests, SecureRandomSource random, AuditTrail audit,
                               Clock clock) {
        this.invites = invites;
        this.digests = digests;
        this.random = random;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public Result create(Command command) {
        Optional<Refused> refused = AccountRules.mustBeAdmin(command.actor()).or(() -> problemWith(command));
        if (refused.isPresent()) {
            return refused.get();
        }
        Optional<String> email = command.email().map(EmailAddress::normalise);
        int uses = command.uses().orElse(1);
        Duration lifetime = command.lifetime().orElse(DEFAULT_LIFETIME);
        Instant now = clock.instant();
        for (int attempt = 0; attempt < 3; attempt++) {
            String code = InviteCodes.newCode(random);
            Invite invite = new Invite(InviteCodes.newId(random), digests.digest(code), InviteCodes.displayPrefix(code),
                    command.actor().auditName(), now, now.plus(lifetime), uses, List.of(), email, Optional.empty());
            if (invites.insert(invite)) {
                Map<String, String> details = new LinkedHashMap<>();
                details.put("invite", invite.id().value());
                details.put("uses", Integer.toString(uses));
                details.put("expires", invite.expiresAt().toString());
                details.put("bound_to_email", Boolean.toString(email.isPresent()));
                audit.record("invite.create", command.actor(), null, Outcome.SUCCESS, details);
                return new Created(invite, code);
            }
        }
        throw new StoreException("The invite store refused three fresh invites as duplicates; its random source or"
                + " its id index is broken.");
    }

    private static Optional<Refused> problemWith(Command command) {
        if (command.uses().isPresent() && (command.uses().get() < 1 || command.uses().get() > Invite.MAX_USES)) {
            return Optional.of(new Refused(Refused.Reason.INVALID, "An invite allows 1 to " + Invite.MAX_USES
                    + " registrations, not " + command.uses().get() + "."));
        }
        if (command.lifetime().isPresent() && (command.lifetime().get().compareTo(Duration.ofMinutes(1)) < 0
                || command.lifetime().get().compareTo(MAX_LIFETIME) > 0)) {
            return Optional.of(new Refused(Refused.Reason.INVALID, "An invite lives 1m to 365d, not "
                    + HumanDuration.format(command.lifetime().get()) + "."));
        }
        try {
            command.email().ifPresent(EmailAddress::normalise);
        } catch (IllegalArgumentException invalid) {
            return Optional.of(new Refused(Refused.Reason.INVALID, invalid.getMessage()));
        }
        return Optional.empty();
    }
}
