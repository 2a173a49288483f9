package org.chibo.inspection.rules;

import java.util.List;
import java.util.Map;

/**
 * What a rule found: a sentence for people, the members concerned, and the figures it compared, by name.
 *
 * @param memberIds empty when the breach concerns the branch as a whole
 */
public record Breach(String summary, List<String> memberIds, Map<String, Object> evidence) {

    public Breach {
        memberIds = List.copyOf(memberIds);
        evidence = Map.copyOf(evidence);
    }
}
