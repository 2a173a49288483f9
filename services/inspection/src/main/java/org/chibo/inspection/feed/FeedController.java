package org.chibo.inspection.feed;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;

import org.chibo.chassis.web.BadRequestException;
import org.chibo.contracts.EventType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Luồng tin cho cán bộ kiểm tra: the inspectors' live feed, Server-Sent Events. The findings (phát hiện) raised and
 * moved in a subtree, and on request its meetings (sinh hoạt chi bộ), each event with its place in the feed as id.
 */
@RestController
class FeedController {

    static final String LAST_EVENT_ID = "Last-Event-ID";
    private static final String MEETINGS = "meetings";

    private final FeedStreams streams;

    FeedController(FeedStreams streams) {
        this.streams = streams;
    }

    @GetMapping("/api/v1/feed")
    SseEmitter feed(Subtree subtree, @RequestParam(required = false) String include,
                    @RequestHeader(name = LAST_EVENT_ID, required = false) String lastEventId) {
        Set<String> types = new HashSet<>();
        FeedWriter.FINDINGS.keySet().stream().map(EventType::type).forEach(types::add);
        if (includes(include)) {
            FeedWriter.MEETINGS.keySet().stream().map(EventType::type).forEach(types::add);
        }
        Predicate<FeedEntry> wanted = e -> types.contains(e.type()) && e.within(subtree.path());
        return streams.open(wanted, place(lastEventId));
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
