package org.chibo.inspection.rules;

import java.util.List;
import java.util.Map;

/** What a rule found: a sentence for people, the members concerned, and the figures it compared. */
public record Breach(String summary, List<String> memberIds, Map<String, Object> evidence) {
}
