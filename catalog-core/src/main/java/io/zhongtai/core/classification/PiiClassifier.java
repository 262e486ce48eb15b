package io.zhongtai.core.classification;

import io.zhongtai.core.harvest.ColumnProfile;
import io.zhongtai.core.harvest.HarvestedColumn;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Recognises columns that hold personal data from what a crawl sees: the column's name (English
 * words split on {@code _} and camelCase, or Chinese), its comment, the table it is in, and,
 * when the column was profiled, the shape of its most frequent values.
 *
 * <p>Names and comments decide first; values only confirm a kind that names cannot (a column
 * called {@code contact} full of e-mail addresses). Deterministic and free of I/O, so the same
 * harvest always gets the same tags.
 */
public final class PiiClassifier {
    /** Share of sampled top values that must have a kind's shape for the values to decide. */
    private static final double VALUE_SHARE = 0.8;

    private static final Set<String> PERSON_WORDS = Set.of(
            "customer", "client", "full", "first", "last", "given", "family", "middle", "sur", "contact", "person",
            "member", "employee", "staff", "buyer", "recipient", "receiver", "consignee", "patient", "student", "real",
            "legal", "owner", "holder", "passenger", "guest", "user");
    private static final Set<String> PERSON_TABLES = Set.of(
            "customer", "customers", "user", "users", "employee", "employees", "member", "members", "contact", "contacts",
            "person", "persons", "people", "patient", "patients", "student", "students", "client", "clients");
    private static final Set<String> ADDRESS_QUALIFIERS_NOT_PERSONAL = Set.of("email", "mail", "ip", "mac", "web", "url", "server", "host");

    private static final Pattern WORD_BREAK =
            Pattern.compile("[^\\p{L}\\p{N}]+|(?<=\\p{Ll})(?=\\p{Lu})|(?<=\\p{L})(?=\\p{N})|(?<=\\p{N})(?=\\p{L})");
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^a-z0-9]+");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[A-Za-z]{2,}");
    private static final Pattern CN_MOBILE = Pattern.compile("(\\+?86[- ]?)?1[3-9]\\d{9}");
    private static final Pattern PHONE = Pattern.compile("\\+?\\d[\\d\\- ()]{6,18}\\d");
    private static final Pattern CN_ID = Pattern.compile("\\d{17}[\\dXx]");
    private static final Pattern CARD = Pattern.compile("\\d{13,19}");

    private PiiClassifier() {}

    /** The kind of personal data the column holds, or empty when it does not look personal. */
    public static Optional<PiiKind> classify(String table, HarvestedColumn column) {
        String type = column.dataType().toLowerCase(Locale.ROOT);
        if (type.contains("bool") || type.startsWith("date") || type.startsWith("time") || type.equals("bit")) {
            // email_verified, phone_updated_at: about personal data, not personal data themselves
            return Optional.empty();
        }
        Optional<PiiKind> byName = byName(table, column.name());
        if (byName.isPresent()) {
            return byName;
        }
        Optional<PiiKind> byComment = byComment(column.description());
        if (byComment.isPresent()) {
            return byComment;
        }
        return byValues(column.profile());
    }

    static Optional<PiiKind> byName(String table, String column) {
        String lower = column.toLowerCase(Locale.ROOT);
        Optional<PiiKind> chinese = byChinese(column);
        if (chinese.isPresent()) {
            return chinese;
        }
        List<String> words = words(column);
        String joined = String.join("", words);
        if (words.contains("email") || joined.contains("email") || words.contains("mail") && words.size() <= 2) {
            return Optional.of(PiiKind.EMAIL);
        }
        if (words.stream().anyMatch(w -> Set.of("phone", "mobile", "tel", "telephone", "cellphone", "cell", "fax").contains(w))
                || joined.contains("phone")) {
            return Optional.of(PiiKind.PHONE);
        }
        if (words.contains("ssn") || joined.contains("socialsecurity") || joined.contains("nationalid")
                || joined.contains("idcard") || joined.contains("passport") || joined.contains("identitycard")
                || joined.equals("idnumber") || joined.contains("citizenid") || joined.contains("taxid")) {
            return Optional.of(PiiKind.NATIONAL_ID);
        }
        if (joined.contains("cardnumber") || joined.contains("cardno") || joined.contains("bankcard") || joined.contains("creditcard")
                || joined.contains("debitcard") || words.contains("iban") || joined.contains("bankaccount")) {
            return Optional.of(PiiKind.BANK_CARD);
        }
        int address = Math.max(words.indexOf("address"), words.indexOf("addr"));
        if (address >= 0 && (address == 0 || !ADDRESS_QUALIFIERS_NOT_PERSONAL.contains(words.get(address - 1)))
                || words.contains("street") || joined.equals("streetaddress")) {
            return Optional.of(PiiKind.ADDRESS);
        }
        int name = words.lastIndexOf("name");
        if (name >= 0 && !lower.equals("username") && !lower.equals("user_name")) {
            boolean personQualified = name > 0 && PERSON_WORDS.contains(words.get(name - 1));
            boolean bareNameInPersonTable = words.size() == 1 && PERSON_TABLES.contains(table.toLowerCase(Locale.ROOT));
            if (personQualified || bareNameInPersonTable) {
                return Optional.of(PiiKind.NAME);
            }
        }
        if (words.contains("surname") || words.contains("firstname") || words.contains("lastname") || words.contains("fullname")) {
            return Optional.of(PiiKind.NAME);
        }
        return Optional.empty();
    }

    private static Optional<PiiKind> byChinese(String text) {
        if (containsAny(text, "邮箱", "电子邮件", "邮件地址", "电邮")) {
            return Optional.of(PiiKind.EMAIL);
        }
        if (containsAny(text, "手机", "电话", "联系方式", "手机号", "座机")) {
            return Optional.of(PiiKind.PHONE);
        }
        if (containsAny(text, "身份证", "证件号", "护照")) {
            return Optional.of(PiiKind.NATIONAL_ID);
        }
        if (containsAny(text, "银行卡", "卡号", "银行账号", "信用卡")) {
            return Optional.of(PiiKind.BANK_CARD);
        }
        if (containsAny(text, "地址", "住址", "收货地", "户籍")) {
            return Optional.of(PiiKind.ADDRESS);
        }
        if (containsAny(text, "姓名", "联系人", "收货人", "收件人", "真实名")) {
            return Optional.of(PiiKind.NAME);
        }
        return Optional.empty();
    }

    static Optional<PiiKind> byComment(String comment) {
        if (comment == null || comment.isBlank()) {
            return Optional.empty();
        }
        Optional<PiiKind> chinese = byChinese(comment);
        if (chinese.isPresent()) {
            return chinese;
        }
        String lower = " " + NOT_ALPHANUMERIC.matcher(comment.toLowerCase(Locale.ROOT)).replaceAll(" ") + " ";
        if (containsAny(lower, " email ", " e mail ", " email address ")) {
            return Optional.of(PiiKind.EMAIL);
        }
        if (containsAny(lower, " phone ", " mobile number ", " telephone ", " phone number ")) {
            return Optional.of(PiiKind.PHONE);
        }
        if (containsAny(lower, " social security ", " national id ", " passport ", " identity card ", " id card ")) {
            return Optional.of(PiiKind.NATIONAL_ID);
        }
        if (containsAny(lower, " card number ", " credit card ", " bank card ", " bank account ", " iban ")) {
            return Optional.of(PiiKind.BANK_CARD);
        }
        if (containsAny(lower, " home address ", " postal address ", " street address ", " shipping address ", " mailing address ")) {
            return Optional.of(PiiKind.ADDRESS);
        }
        if (containsAny(lower, " full name ", " customer name ", " person s name ", " first name ", " last name ", " surname ")) {
            return Optional.of(PiiKind.NAME);
        }
        return Optional.empty();
    }

    static Optional<PiiKind> byValues(ColumnProfile profile) {
        if (profile == null || profile.topValues().isEmpty()) {
            return Optional.empty();
        }
        List<String> values = profile.topValues().stream()
                .map(ColumnProfile.ValueCount::value)
                .filter(value -> value != null && !value.isBlank())
                .map(String::trim)
                .toList();
        if (values.isEmpty()) {
            return Optional.empty();
        }
        if (share(values, v -> EMAIL.matcher(v).matches()) >= VALUE_SHARE) {
            return Optional.of(PiiKind.EMAIL);
        }
        if (share(values, v -> CN_ID.matcher(v).matches() && chineseIdChecksumHolds(v)) >= VALUE_SHARE) {
            return Optional.of(PiiKind.NATIONAL_ID);
        }
        if (share(values, v -> CN_MOBILE.matcher(v).matches()) >= VALUE_SHARE) {
            return Optional.of(PiiKind.PHONE);
        }
        if (share(values, v -> CARD.matcher(v).matches() && v.length() >= 15 && luhnHolds(v)) >= VALUE_SHARE) {
            return Optional.of(PiiKind.BANK_CARD);
        }
        if (share(values, v -> PHONE.matcher(v).matches() && (v.startsWith("+") || v.contains("-") || v.contains(" "))) >= VALUE_SHARE) {
            return Optional.of(PiiKind.PHONE);
        }
        return Optional.empty();
    }

    /** The check digit of a Chinese resident identity number (GB 11643). */
    static boolean chineseIdChecksumHolds(String id) {
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        char[] checks = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * weights[i];
        }
        return Character.toUpperCase(id.charAt(17)) == checks[sum % 11];
    }

    static boolean luhnHolds(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int digit = digits.charAt(i) - '0';
            if (twice) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            twice = !twice;
        }
        return sum % 10 == 0;
    }

    private static double share(List<String> values, java.util.function.Predicate<String> shape) {
        return (double) values.stream().filter(shape).count() / values.size();
    }

    private static boolean containsAny(String text, String... needles) {
        for (String needle : needles) {
            if (text.contains(needle)) {
                return true;
            }
        }
        return false;
    }

    /** {@code customerEmail_Address2} -> [customer, email, address]. */
    static List<String> words(String identifier) {
        List<String> words = new ArrayList<>();
        for (String part : WORD_BREAK.split(identifier)) {
            if (!part.isBlank() && !part.chars().allMatch(Character::isDigit)) {
                words.add(part.toLowerCase(Locale.ROOT));
            }
        }
        return words;
    }
}
