package org.chibo.inspection.rules;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.chibo.contracts.meeting.MeetingRecorded;

/**
 * R-G8, its excluded-content half: an ONLINE or HYBRID meeting that handled a restricted matter Hướng dẫn 03-HD/TW
 * keeps off online meetings ({@code excluded}: state secrets and personnel matters by default, the exact list to
 * confirm). The other half, a branch not approved for online meetings, is refused by the meeting service at entry.
 */
public record OnlineRestrictedMatterRule(Set<String> excluded) implements MeetingRule {

    public static final Rule RULE = new Rule("R-G8", 1, Severity.HIGH,
            "Hướng dẫn 03-HD/TW: nội dung mật, nhân sự không sinh hoạt trực tuyến (excluded list to confirm)");

    public OnlineRestrictedMatterRule {
        excluded = Set.copyOf(excluded);
    }

    @Override
    public Rule rule() {
        return RULE;
    }

    @Override
    public Optional<Breach> check(MeetingRecorded meeting) {
        if (!"ONLINE".equals(meeting.mode()) && !"HYBRID".equals(meeting.mode()) || meeting.restrictedMatters() == null) {
            return Optional.empty();
        }
        List<String> handled = meeting.restrictedMatters().stream().filter(excluded::contains).distinct().sorted().toList();
        if (handled.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Breach("%s meeting handled %s, kept off online meetings".formatted(meeting.mode(),
                String.join(", ", handled)), List.of(),
                Map.of("mode", meeting.mode(), "restrictedMatters", handled)));
    }
}
