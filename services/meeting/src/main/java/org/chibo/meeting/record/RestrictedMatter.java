package org.chibo.meeting.record;

import java.util.List;

/**
 * A restricted matter (nội dung mật / nhân sự) a meeting handled. The record says which ones; whether such a matter
 * may be handled online (Hướng dẫn 03-HD/TW) is inspection's to judge (R-G8): the platform records what happened.
 */
public enum RestrictedMatter {
    STATE_SECRET,
    PERSONNEL,
    DISCIPLINE,
    OTHER_CONFIDENTIAL;

    /** The names as the record carries them, each once, in this enum's order; null when none were given. */
    static List<String> names(List<RestrictedMatter> matters) {
        return matters == null ? null : matters.stream().distinct().sorted().map(Enum::name).toList();
    }
}
