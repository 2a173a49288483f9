package org.chibo.membership.member;

import java.util.Map;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Runs the recognition-due notices now, as the nightly schedule would (for operators and simulations). */
@RestController
class RecognitionDueController {

    private final RecognitionDueNotices notices;

    RecognitionDueController(RecognitionDueNotices notices) {
        this.notices = notices;
    }

    @PostMapping("/api/v1/admin/recognition-due/run")
    Map<String, Integer> run() {
        return Map.of("raised", notices.raiseDue());
    }
}
