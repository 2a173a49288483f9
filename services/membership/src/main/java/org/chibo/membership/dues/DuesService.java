package org.chibo.membership.dues;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
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
        if (rate.needsIncome() && (basis.monthlyIncome() == null || basis.monthlyIncome() <= 0)) {
            throw new InvalidFieldException("monthlyIncome", "category " + basis.category() + " is a share of the monthly income: give it");
        }
        if (!rate.needsIncome() && basis.monthlyIncome() != null) {
            throw new InvalidFieldException("monthlyIncome", "category " + basis.category() + " is a fixed amount: no income");
        }
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
        if (ym.isAfter(YearMonth.from(today).plusMonths(MONTHS_AHEAD))) {
            throw new InvalidFieldException("month", "dues can be paid at most " + MONTHS_AHEAD + " months ahead");
        }
        return Conflicts.retry(() -> {
            Member member = members.getOnRolls(memberId);
            if (member.getDuesBasis() == null) {
                throw new InvalidFieldException("month", "the member has no dues basis yet: set it first (PUT .../dues-basis)");
            }
            if (ym.isBefore(YearMonth.from(member.getAdmittedOn()))) {
                throw new InvalidFieldException("month", month + " is before the admission month");
            }
            long monthDue = DuesStatement.monthlyDue(member.getDuesBasis(), rateOf(member.getDuesBasis().category()));
            DuesPayment payment = new DuesPayment(UUID.randomUUID().toString(), month, amount, paidOn);
            member.addDuesPayment(payment, outbox.stamp(PendingEvent.of(EventCatalogue.DUES_PAID, member.getId(), payment.id(),
                    new DuesPaid(payment.id(), member.getId(), member.getBranchId(), month, amount, monthDue, paidOn), clock.instant())));
            mongo.save(member);
            outbox.publishSoon(Member.COLLECTION, member.getId());
            return payment;
        });
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
