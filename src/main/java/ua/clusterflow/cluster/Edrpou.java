package ua.clusterflow.cluster;

/**
 * The EDRPOU code of a Ukrainian legal entity: eight digits, the last a check digit computed
 * with weights 1–7 (or 7,1–6 for codes between 30 000 000 and 60 000 000), and with weights
 * raised by two when the first sum leaves 10.
 */
public final class Edrpou {

    private Edrpou() {
    }

    /** A code as people type it, "1436 0570" or "14360-570", read as its eight digits. */
    public static String normalise(String typed) {
        return typed == null ? null : typed.replaceAll("[\\s\u00a0\u202f-]", "");
    }

    public static boolean isValid(String code) {
        if (code == null || !code.matches("\\d{8}")) {
            return false;
        }
        return checkDigit(code.substring(0, 7)) == code.charAt(7) - '0';
    }

    /** The check digit for the first seven digits. */
    public static int checkDigit(String first7) {
        long value = Long.parseLong(first7 + "0");
        int[] weights = value < 30_000_000L || value > 60_000_000L
                ? new int[] {1, 2, 3, 4, 5, 6, 7}
                : new int[] {7, 1, 2, 3, 4, 5, 6};
        int check = weightedSum(first7, weights, 0) % 11;
        if (check == 10) {
            check = weightedSum(first7, weights, 2) % 11;
            if (check == 10) {
                check = 0;
            }
        }
        return check;
    }

    private static int weightedSum(String digits, int[] weights, int raise) {
        int sum = 0;
        for (int i = 0; i < 7; i++) {
            sum += (digits.charAt(i) - '0') * (weights[i] + raise);
        }
        return sum;
    }
}
