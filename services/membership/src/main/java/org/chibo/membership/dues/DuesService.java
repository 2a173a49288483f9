package org.chibo.membership.dues;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.chibo.chassis.outbox.Conflicts;
import org.chibo.chassis.outbox.Outbox;
import org.chibo.chassis.outbox.PendingEvent;
import org.chibo.chassis.time.BusinessDates;
import org.chibo.chassis.web.InvalidFieldException;
import org.chibo.contracts.EventCatalogue;
import org.chibo.contracts.membership.DuesPaid;
import org.chibo.membership.member.HistoryEntry;
import org.chibo.membership.member.Member;
import org.chibo.membership.member.MemberService;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** Đảng phí: each member's basis, payments, statement; a branch's arrears. */
@Service
public class DuesService {

    /** Dues may be paid ahead, up to a year. */
    static final int MONTHS_AHEAD = 12;

    private final MongoTemplate mongo;
    private final MemberService members;
    private final DuesTable table;
    private final Outbox outbox;
    private final Clock clock;

    DuesService(MongoTemplate mongo, MemberService members, DuesTable table, Outbox outbox, Clock clock) {
        this.mongo = mongo;
        this.members = members;
        this.table = table;
        this.outbox = outbox;
        this.clock = clock;
    }

    public Member setBasis(String memberId, DuesBasis basis) {
        DuesRate rate = rateOf(basis.category());
        DuesBasis.problem(basis.category(), basis.monthlyIncome(), rate).ifPresent(p -> {
            throw new InvalidFieldException(p.field(), p.reason());
        });
        return Conflicts.retry(() -> {
            Member member = members.getOnRolls(memberId);
            if (YearMonth.parse(basis.from()).isBefore(YearMonth.from(member.getAdmittedOn()))) {
                throw new InvalidFieldException("from", "dues start with the admission month " + YearMonth.from(member.getAdmittedOn()));
            }
            member.setDuesBasis(basis, new HistoryEntry(clock.instant(), "DUES_BASIS", basis.category() + " from " + basis.from()
                    + ", " + DuesStatement.monthlyDue(basis, rate) + " đ a month"));
            mongo.save(member);
            return member;
        });
    }

    public DuesPayment pay(String memberId, String month, long amount, LocalDate paidOn) {
        YearMonth ym = YearMonth.parse(month);
        LocalDate today = BusinessDates.today(clock);
        if (paidOn.isAfter(today)) {
            throw new InvalidFieldException("paidOn", "payment date " + paidOn + " is in the future");
        }
        requireNotTooFarAhead(ym, today);
        return Conflicts.retry(() -> {
            Member member = members.getOnRolls(memberId);
            if (member.getDuesBasis() == null) {
                throw new InvalidFieldException("month", "the member has no dues basis yet: set it first (PUT .../dues-basis)");
            }
            if (ym.isBefore(YearMonth.from(member.getAdmittedOn()))) {
                throw new InvalidFieldException("month", month + " is before the admission month");
            }
            DuesPayment payment = new DuesPayment(UUID.randomUUID().toString(), month, amount, paidOn);
            record(member, payment);
            return payment;
        });
    }

    private static void requireNotTooFarAhead(YearMonth month, LocalDate today) {
        if (month.isAfter(YearMonth.from(today).plusMonths(MONTHS_AHEAD))) {
            throw new InvalidFieldException("month", "dues can be paid at most " + MONTHS_AHEAD + " months ahead");
        }
    }

    /** The payment and its {@code dues-paid} event, in one write of the member's document. */
    private void record(Member member, DuesPayment payment) {
        long monthDue = DuesStatement.monthlyDue(member.getDuesBasis(), rateOf(member.getDuesBasis().category()));
        member.addDuesPayment(payment, outbox.stamp(PendingEvent.of(EventCatalogue.DUES_PAID, member.getId(), payment.id(),
                new DuesPaid(payment.id(), member.getId(), member.getBranchId(), payment.month(), payment.amount(), monthDue,
                        payment.paidOn()), clock.instant())));
        mongo.save(member);
        outbox.publishSoon(Member.COLLECTION, member.getId());
    }

    /** What a collection sheet did: rows recorded, rows an earlier send had recorded, rows refused. */
    public record SheetResult(String branchId, String month, int rows, int recorded, int unchanged,
                              List<DuesSheet.Rejected> rejected, List<String> recordedMemberIds) {
    }

    /**
     * Sổ thu đảng phí: a branch's month of collected dues in one call. Each row is checked on its own
     * ({@link DuesSheet}); a refused row writes nothing, the others are recorded, each member's payment and its
     * {@code dues-paid} event in one write. A row's payment id is derived from the branch, month and member, so the
     * sheet sent again records nothing twice. A member without a basis takes the row's from the sheet's month.
     */
    public SheetResult recordSheet(String branchId, String month, List<DuesSheet.Row> rows) {
        YearMonth ym = YearMonth.parse(month);
        LocalDate today = BusinessDates.today(clock);
        requireNotTooFarAhead(ym, today);
        List<DuesSheet.Rejected> rejected = new ArrayList<>();
        List<String> recorded = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int unchanged = 0;
        for (int i = 0; i < rows.size(); i++) {
            int row = i + 1;
            DuesSheet.Row r = rows.get(i);
            Optional<DuesSheet.Rejected> refused = DuesSheet.checkShape(row, r, today);
            if (refused.isEmpty() && !seen.add(r.memberId())) {
                refused = Optional.of(new DuesSheet.Rejected(row, "memberId", "twice on the sheet"));
            }
            if (refused.isPresent()) {
                rejected.add(refused.get());
                continue;
            }
            String paymentId = DuesSheet.paymentId(branchId, month, r.memberId());
            DuesRate rate = r.category() == null ? null : table.rates().get(r.category());
            Object outcome = Conflicts.retry(() -> {
                Member member = mongo.findById(r.memberId(), Member.class);
                DuesSheet.Holder holder = member == null ? null : holder(member, paymentId);
                Optional<DuesSheet.Rejected> problem = DuesSheet.checkAgainst(row, r, branchId, ym, holder, rate);
                if (problem.isPresent()) {
                    return problem.get();
                }
                if (DuesSheet.outcome(holder) == DuesSheet.Outcome.UNCHANGED) {
                    return DuesSheet.Outcome.UNCHANGED;
                }
                if (member.getDuesBasis() == null) {
                    DuesBasis basis = new DuesBasis(r.category(), r.monthlyIncome(), month);
                    member.setDuesBasis(basis, new HistoryEntry(clock.instant(), "DUES_BASIS", basis.category() + " from "
                            + basis.from() + ", " + DuesStatement.monthlyDue(basis, rate) + " đ a month (collection sheet)"));
                }
                record(member, new DuesPayment(paymentId, month, r.amount(), r.paidOn()));
                return DuesSheet.Outcome.RECORD;
            });
            if (outcome instanceof DuesSheet.Rejected refusal) {
                rejected.add(refusal);
            } else if (outcome == DuesSheet.Outcome.UNCHANGED) {
                unchanged++;
            } else {
                recorded.add(r.memberId());
            }
        }
        return new SheetResult(branchId, month, rows.size(), recorded.size(), unchanged, rejected, recorded);
    }

    private static DuesSheet.Holder holder(Member m, String paymentId) {
        DuesPayment earlier = m.getDuesPayments().stream().filter(p -> p.id().equals(paymentId)).findFirst().orElse(null);
        boolean onRolls = m.getDeparture() == null && m.getTransfer() == null;
        return new DuesSheet.Holder(m.getBranchId(), onRolls, m.getAdmittedOn(), m.getDuesBasis(), earlier);
    }

    public DuesStatement statement(String memberId, int year) {
        return statementOf(members.get(memberId), year);
    }

    public record Arrears(String memberId, String fullName, long monthsInArrears, long outstanding) {
    }

    /** The branch's members owing anything for the year so far, most months in arrears first. */
    public List<Arrears> arrears(String branchId, int year) {
        List<Arrears> result = new ArrayList<>();
        for (Member m : mongo.find(Query.query(Criteria.where("branchId").is(branchId).and("departure").isNull()), Member.class)) {
            DuesStatement s = statementOf(m, year);
            if (s.outstanding() > 0) {
                result.add(new Arrears(m.getId(), m.getFullName(), s.monthsInArrears(), s.outstanding()));
            }
        }
        result.sort(java.util.Comparator.comparingLong(Arrears::monthsInArrears).reversed().thenComparing(Arrears::fullName));
        return result;
    }

    private DuesStatement statementOf(Member m, int year) {
        DuesBasis basis = m.getDuesBasis();
        DuesRate rate = basis == null ? null : rateOf(basis.category());
        return DuesStatement.of(year, m.getAdmittedOn(), basis, rate, m.getDuesPayments(), YearMonth.from(BusinessDates.today(clock)));
    }

    private DuesRate rateOf(String category) {
        DuesRate rate = table.rates().get(category);
        if (rate == null) {
            throw new InvalidFieldException("category", "unknown dues category " + category + "; one of " + table.rates().keySet());
        }
        return rate;
    }
}
