package org.chibo.evaluation.record;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.chibo.evaluation.rating.MemberYear;

/**
 * A member's place on the rolls as membership events tell it: the branches they sat in and when, when they left the
 * party, their disciplinary decisions and their dues payments. Every change is keyed by what it is about (a spell by
 * branch and first day, a decision by form and day, a payment by its id), so an event applied twice changes nothing.
 */
public class MemberRegister {

    public static final String COLLECTION = "members";

    /** A stretch on one branch's rolls; {@code until} is null while it lasts. */
    public record Spell(String branchId, String organisationPath, LocalDate from, LocalDate until) {
    }

    public record Discipline(String form, LocalDate decidedOn, String branchId, String decisionRef) {

        public String words() {
            return form + " on " + decidedOn + (decisionRef == null ? "" : " (" + decisionRef + ")");
        }
    }

    public record DuesPayment(String month, long amount, long monthDue) {
    }

    private String id;
    private List<Spell> spells = new ArrayList<>();
    private LocalDate leftOn;
    private String leftReason;
    private List<Discipline> disciplines = new ArrayList<>();
    private Map<String, DuesPayment> payments = new LinkedHashMap<>();

    protected MemberRegister() {
    }

    public MemberRegister(String id) {
        this.id = id;
    }

    public String getId() {
        return id;
    }

    public List<Spell> getSpells() {
        return spells;
    }

    public List<Discipline> getDisciplines() {
        return disciplines;
    }

    /** Admitted, received after a transfer, or reassigned by a merger: a spell on {@code branchId} from {@code on}. */
    public boolean joined(String branchId, String organisationPath, LocalDate on) {
        if (spells.stream().anyMatch(s -> s.branchId().equals(branchId) && s.from().equals(on))) {
            return false;
        }
        endOpenSpell(on);
        spells.add(new Spell(branchId, organisationPath, on, null));
        spells.sort(Comparator.comparing(Spell::from));
        return true;
    }

    /** Off {@code branchId}'s rolls from {@code on} (transfer papers issued, or a merger moved them). */
    public boolean leftBranch(String branchId, LocalDate on) {
        for (int i = 0; i < spells.size(); i++) {
            Spell s = spells.get(i);
            if (s.branchId().equals(branchId) && s.until() == null && !s.from().isAfter(on)) {
                spells.set(i, new Spell(s.branchId(), s.organisationPath(), s.from(), on));
                return true;
            }
        }
        return false;
    }

    private void endOpenSpell(LocalDate on) {
        for (int i = 0; i < spells.size(); i++) {
            Spell s = spells.get(i);
            if (s.until() == null && !s.from().isAfter(on)) {
                spells.set(i, new Spell(s.branchId(), s.organisationPath(), s.from(), on));
            }
        }
    }

    public boolean leftParty(String reason, LocalDate on) {
        if (on.equals(leftOn)) {
            return false;
        }
        leftOn = on;
        leftReason = reason;
        return true;
    }

    public boolean disciplined(Discipline d) {
        if (disciplines.stream().anyMatch(x -> x.form().equals(d.form()) && x.decidedOn().equals(d.decidedOn()))) {
            return false;
        }
        disciplines.add(d);
        return true;
    }

    public boolean paid(String paymentId, DuesPayment payment) {
        return payments.putIfAbsent(paymentId, payment) == null;
    }

    /**
     * The spell a member is rated in for {@code year}: the last one begun by 31 December, for a member first on the
     * rolls by then who had not left the party by then. A member whose transfer was not received by then is rated in
     * the branch that issued the papers: they must not vanish.
     */
    public Optional<Spell> ratedIn(int year) {
        LocalDate end = LocalDate.of(year, 12, 31);
        if (leftOn != null && !leftOn.isAfter(end)) {
            return Optional.empty();
        }
        return spells.stream().filter(s -> !s.from().isAfter(end)).reduce((a, b) -> b);
    }

    /** The member's year: what their branches' records add up to (null when they sat in no meeting), with their register. */
    public MemberYear year(int year, MemberTally tally) {
        MemberTally t = tally != null ? tally : new MemberTally(id);
        return t.year(year, disciplinesIn(year).stream().map(Discipline::words).toList(), unpaidMonths(year));
    }

    public List<Discipline> disciplinesIn(int year) {
        return disciplines.stream().filter(d -> d.decidedOn().getYear() == year)
                .sorted(Comparator.comparing(Discipline::decidedOn)).toList();
    }

    /** The months of the year the member was on some branch's rolls without their dues paid in full. */
    public List<String> unpaidMonths(int year) {
        Map<String, long[]> paid = new LinkedHashMap<>();
        payments.values().forEach(p -> {
            long[] sums = paid.computeIfAbsent(p.month(), m -> new long[2]);
            sums[0] += p.amount();
            sums[1] = Math.max(sums[1], p.monthDue());
        });
        List<String> unpaid = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            YearMonth month = YearMonth.of(year, m);
            if (onRollsIn(month)) {
                long[] sums = paid.get(month.toString());
                if (sums == null || sums[0] < sums[1]) {
                    unpaid.add(month.toString());
                }
            }
        }
        return unpaid;
    }

    private boolean onRollsIn(YearMonth month) {
        if (leftOn != null && leftOn.isBefore(month.atDay(1))) {
            return false;
        }
        return spells.stream().anyMatch(s -> !s.from().isAfter(month.atEndOfMonth())
                && (s.until() == null || !s.until().isBefore(month.atDay(1))));
    }
}
