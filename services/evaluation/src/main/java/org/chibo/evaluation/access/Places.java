package org.chibo.evaluation.access;

import java.util.Optional;

import org.chibo.evaluation.membership.Membership;
import org.chibo.evaluation.membership.Organisation;
import org.chibo.evaluation.record.MemberRegister;
import org.springframework.stereotype.Component;

/**
 * Where an object stands in the organisation tree, from this service's own projection of membership events: the one
 * place an access check looks an organisation path up. Ratings and scorecards carry their path themselves.
 */
@Component
public class Places {

    private final Membership membership;

    Places(Membership membership) {
        this.membership = membership;
    }

    /** The materialised path of a unit of the tree, when membership events told of it. */
    public Optional<String> organisationPath(String organisationId) {
        Organisation o = organisationId == null ? null : membership.organisation(organisationId);
        return Optional.ofNullable(o).map(Organisation::getPath);
    }

    /** Whether the unit is the root of the tree (the city committee): its path is its own id alone. */
    public boolean isRoot(String organisationId) {
        return organisationPath(organisationId).filter(p -> p.equals("/" + organisationId + "/")).isPresent();
    }

    /**
     * The path of the branch a member is rated in for {@code year} (the last spell begun by its end), else of their
     * latest branch; the branch's path as the tree stands now, or as it stood when the member joined it. Empty for a
     * member the service does not know.
     */
    public Optional<String> memberPath(String memberId, int year) {
        MemberRegister register = membership.member(memberId);
        if (register == null || register.getSpells().isEmpty()) {
            return Optional.empty();
        }
        MemberRegister.Spell spell = register.ratedIn(year).orElse(register.getSpells().get(register.getSpells().size() - 1));
        return organisationPath(spell.branchId()).or(() -> Optional.ofNullable(spell.organisationPath()));
    }
}
