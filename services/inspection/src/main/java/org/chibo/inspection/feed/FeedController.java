package org.chibo.inspection.feed;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;

import org.chibo.chassis.security.Caller;
import org.chibo.chassis.web.BadRequestException;
import org.chibo.contracts.EventType;
import org.chibo.inspection.access.Scope;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Luồng tin cho cán bộ kiểm tra: the inspectors' live feed, Server-Sent Events. The findings (phát hiện) raised and
 * moved in a subtree, and on request its meetings (sinh hoạt chi bộ), each event with its place in the feed as id.
 * The subtree is the token's organisation, or an organisation inside it; a browser's EventSource, which cannot send
 * an Authorization header, passes the token as {@code ?access_token=} ({@code chibo.security.query-token-paths}).
 */
@Tag(name = "Luồng tin kiểm tra", description = "Luồng tin trực tiếp (Server-Sent Events) cho cán bộ kiểm tra, giám sát")
@RestController
class FeedController {

    static final String LAST_EVENT_ID = "Last-Event-ID";
    private static final String MEETINGS = "meetings";

    private final FeedStreams streams;
    private final Scope scope;

    FeedController(FeedStreams streams, Scope scope) {
        this.streams = streams;
        this.scope = scope;
    }

    @Operation(summary = "Luồng tin kiểm tra trực tiếp: phát hiện (và sinh hoạt chi bộ) trong phạm vi đơn vị",
            description = "Cán bộ kiểm tra, cán bộ đảng ủy, quản trị thành phố. Phạm vi là đơn vị trong token, hoặc "
                    + "organisationId thuộc phạm vi đó (403 nếu không). Token qua header Authorization hoặc ?access_token= "
                    + "(EventSource của trình duyệt). Last-Event-ID: tiếp tục sau sự kiện đã nhận.")
    @GetMapping("/api/v1/feed")
    SseEmitter feed(@RequestParam(required = false) String organisationId,
                    @RequestParam(required = false) String include,
                    @RequestHeader(name = LAST_EVENT_ID, required = false) String lastEventId,
                    Caller caller) {
        String action = "watch the inspection feed";
        caller.requireAnyRole(action, Scope.WATCHERS);
        Scope.requireOrganisation(caller, action);
        Subtree subtree = organisationId == null || organisationId.isBlank()
                ? new Subtree(caller, null)
                : new Subtree(caller, scope.organisationWithin(caller, action + " of " + organisationId.strip(), organisationId.strip()));
        Set<String> types = new HashSet<>();
        FeedWriter.FINDINGS.keySet().stream().map(EventType::type).forEach(types::add);
        if (includes(include)) {
            FeedWriter.MEETINGS.keySet().stream().map(EventType::type).forEach(types::add);
        }
        Long place = place(lastEventId);
        Predicate<FeedEntry> wanted = e -> types.contains(e.type()) && subtree.contains(e);
        return streams.open(wanted, place);
    }

    private static boolean includes(String include) {
        if (include == null || include.isBlank()) {
            return false;
        }
        Set<String> asked = new HashSet<>(Arrays.stream(include.split(",")).map(String::strip).toList());
        if (!Set.of(MEETINGS).containsAll(asked)) {
            throw new BadRequestException("include may only name: " + MEETINGS, "include");
        }
        return true;
    }

    private static Long place(String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return null;
        }
        try {
            long place = Long.parseLong(lastEventId.strip());
            if (place >= 0) {
                return place;
            }
        } catch (NumberFormatException notANumber) {
            // refused below
        }
        throw new BadRequestException(LAST_EVENT_ID + " must be an id this feed sent", LAST_EVENT_ID);
    }
}
