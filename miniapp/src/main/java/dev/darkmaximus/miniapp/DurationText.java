package dev.darkmaximus.miniapp;

/** "1 month", "3 месяца", "30 дней": plan durations with each language's plural rules. */
final class DurationText {

    private DurationText() {
    }

    static String format(String unit, int value, String language) {
        boolean russian = "ru".equals(language);
        return switch (unit) {
            case "months" -> value + " " + (russian ? ru(value, "месяц", "месяца", "месяцев") : en(value, "month"));
            case "days" -> value + " " + (russian ? ru(value, "день", "дня", "дней") : en(value, "day"));
            case "hours" -> value + " " + (russian ? ru(value, "час", "часа", "часов") : en(value, "hour"));
            default -> value + " " + unit;
        };
    }

    private static String en(int value, String singular) {
        return value == 1 ? singular : singular + "s";
    }

    /** Russian: 1, 21, 31… take the first form; 2–4, 22–24… the second; the rest (incl. 11–14) the third. */
    static String ru(int value, String one, String few, String many) {
        int mod100 = value % 100;
        int mod10 = value % 10;
        if (mod100 >= 11 && mod100 <= 14) {
            return many;
        }
        if (mod10 == 1) {
            return one;
        }
        return mod10 >= 2 && mod10 <= 4 ? few : many;
    }
}
