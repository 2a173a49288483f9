package org.chibo.citysim.ratings;

/**
 * The names the platform gives what the generated year names by code and card number. The cap's tie-break ends on the
 * subject id and the evidence names ids, so the oracle works in the platform's ids when it has them.
 */
public interface Ids {

    String member(String cardNumber);

    String branch(String code);

    /** A committee (the rating unit of a branch). */
    String unit(String code);

    /** No platform: every subject is named by its card number or code. */
    Ids NATURAL = new Ids() {
        @Override
        public String member(String cardNumber) {
            return cardNumber;
        }

        @Override
        public String branch(String code) {
            return code;
        }

        @Override
        public String unit(String code) {
            return code;
        }
    };
}
