package org.hipaatraining.content;

import java.util.List;

/**
 * What a supervisor uses to reinforce a module with the team after it: three talking points, a two-minute huddle
 * scenario, and follow-up questions with what a good answer includes.
 */
public record ReinforcementKit(List<String> talkingPoints, Huddle huddle, List<FollowUpQuestion> followUpQuestions) {

    public ReinforcementKit {
        talkingPoints = List.copyOf(talkingPoints);
        followUpQuestions = List.copyOf(followUpQuestions);
    }

    /** A short situation for a team huddle, and what to ask about it. */
    public record Huddle(String title, String scenario, List<String> discussion) {

        public Huddle {
            discussion = List.copyOf(discussion);
        }
    }

    /** A question a supervisor asks a team member later, and what to listen for in the answer. */
    public record FollowUpQuestion(String question, String listenFor) {
    }
}
