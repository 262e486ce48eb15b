package io.zhongtai.core.classification;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhongtai.core.harvest.ColumnProfile;
import io.zhongtai.core.harvest.HarvestedColumn;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PiiClassifierTest {
    private static Optional<PiiKind> classify(String table, String column, String type, String comment) {
        return PiiClassifier.classify(table, new HarvestedColumn(column, type, true, 1, null, comment));
    }

    private static Optional<PiiKind> name(String table, String column) {
        return classify(table, column, "VARCHAR", null);
    }

    @Test
    void recognisesEnglishColumnNames() {
        assertThat(name("customers", "email")).contains(PiiKind.EMAIL);
        assertThat(name("users", "contactEmailAddress")).contains(PiiKind.EMAIL);
        assertThat(name("customers", "phone")).contains(PiiKind.PHONE);
        assertThat(name("orders", "mobile_number")).contains(PiiKind.PHONE);
        assertThat(name("customers", "customer_name")).contains(PiiKind.NAME);
        assertThat(name("people", "firstName")).contains(PiiKind.NAME);
        assertThat(name("customers", "name")).contains(PiiKind.NAME);
        assertThat(name("employees", "ssn")).contains(PiiKind.NATIONAL_ID);
        assertThat(name("customers", "passport_no")).contains(PiiKind.NATIONAL_ID);
        assertThat(name("payments", "credit_card_number")).contains(PiiKind.BANK_CARD);
        assertThat(name("customers", "shipping_address")).contains(PiiKind.ADDRESS);
        assertThat(name("customers", "street")).contains(PiiKind.ADDRESS);
    }

    @Test
    void leavesLookAlikesAlone() {
        assertThat(name("products", "product_name")).isEmpty();
        assertThat(name("stores", "store_name")).isEmpty();
        assertThat(name("regions", "region_name")).isEmpty();
        assertThat(name("products", "name")).as("a bare name outside a person table").isEmpty();
        assertThat(name("accounts", "username")).isEmpty();
        assertThat(name("servers", "ip_address")).isEmpty();
        assertThat(name("campaigns", "email_address_count")).contains(PiiKind.EMAIL);
        assertThat(classify("users", "email_verified", "BOOLEAN", null)).isEmpty();
        assertThat(classify("users", "phone_updated_at", "TIMESTAMP", null)).isEmpty();
        assertThat(name("orders", "order_id")).isEmpty();
        assertThat(name("orders", "channel")).isEmpty();
    }

    @Test
    void recognisesChineseNamesAndComments() {
        assertThat(name("客户", "手机号")).contains(PiiKind.PHONE);
        assertThat(name("客户", "姓名")).contains(PiiKind.NAME);
        assertThat(name("客户", "身份证号")).contains(PiiKind.NATIONAL_ID);
        assertThat(name("客户", "收货地址")).contains(PiiKind.ADDRESS);
        assertThat(name("客户", "银行卡号")).contains(PiiKind.BANK_CARD);
        assertThat(name("客户", "邮箱")).contains(PiiKind.EMAIL);
        assertThat(classify("t", "c1", "VARCHAR", "客户手机号")).contains(PiiKind.PHONE);
        assertThat(classify("t", "c2", "VARCHAR", "证件号码（身份证）")).contains(PiiKind.NATIONAL_ID);
        assertThat(classify("t", "c3", "VARCHAR", "The customer's e-mail, used for receipts")).contains(PiiKind.EMAIL);
        assertThat(classify("t", "c4", "VARCHAR", "Full name as printed on the card")).contains(PiiKind.NAME);
        assertThat(classify("t", "c5", "VARCHAR", "商品名称")).isEmpty();
        assertThat(classify("t", "c6", "VARCHAR", "Order status: paid, cancelled or refunded")).isEmpty();
    }

    private static ColumnProfile profile(String... values) {
        return new ColumnProfile(100, 0, values.length, null, null,
                Arrays.stream(values).map(v -> new ColumnProfile.ValueCount(v, 3)).toList());
    }

    private static Optional<PiiKind> values(String... values) {
        return PiiClassifier.classify("t", new HarvestedColumn("contact", "VARCHAR", true, 1, null, null, profile(values)));
    }

    @Test
    void recognisesValueShapesWhenProfiled() {
        assertThat(values("ann@example.com", "bo@example.cn", "li.wei@example.org")).contains(PiiKind.EMAIL);
        assertThat(values("13812345678", "+8613912345678", "15000000000")).contains(PiiKind.PHONE);
        assertThat(values("+1 415-555-0100", "+44 20 7946 0018")).contains(PiiKind.PHONE);
        assertThat(values("11010519491231002X", "110105194912310029".substring(0, 17) + "X")).isNotEmpty();
        assertThat(values("4111111111111111", "5500000000000004")).contains(PiiKind.BANK_CARD);
        assertThat(values("paid", "cancelled", "refunded")).isEmpty();
        assertThat(values("1234567890123456", "1111111111111112")).as("sixteen digits failing Luhn").isEmpty();
        assertThat(PiiClassifier.classify("t", new HarvestedColumn("contact", "VARCHAR", true, 1, null, null, null))).isEmpty();
    }

    @Test
    void checksumsAreReal() {
        assertThat(PiiClassifier.chineseIdChecksumHolds("11010519491231002X")).isTrue();
        assertThat(PiiClassifier.chineseIdChecksumHolds("110105194912310021")).isFalse();
        assertThat(PiiClassifier.luhnHolds("4111111111111111")).isTrue();
        assertThat(PiiClassifier.luhnHolds("4111111111111112")).isFalse();
    }

    @Test
    void splitsIdentifiersIntoWords() {
        assertThat(PiiClassifier.words("customerEmail_Address2")).isEqualTo(List.of("customer", "email", "address"));
        assertThat(PiiClassifier.words("PHONE_NUMBER")).isEqualTo(List.of("phone", "number"));
    }
}
