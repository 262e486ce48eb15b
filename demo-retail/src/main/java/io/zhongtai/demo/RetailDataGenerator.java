package io.zhongtai.demo;

import io.zhongtai.demo.RetailVocabulary.Category;
import io.zhongtai.demo.RetailVocabulary.City;
import io.zhongtai.demo.RetailVocabulary.Item;
import io.zhongtai.demo.RetailVocabulary.Name;
import io.zhongtai.demo.RetailVocabulary.Region;
import io.zhongtai.demo.RetailVocabulary.Variant;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Fills the tables of {@code retail-schema.sql} through DuckDB appenders.
 *
 * <p>All randomness comes from one {@link RandomDraws} consumed in a fixed order: regions, stores,
 * products, assortments, customers, orders with their items, inventory, feedback. Reordering any draw
 * changes every row after it, so new realism goes at the end of a step, never in the middle. Nothing
 * iterates a hash-ordered collection, and ids are assigned in generation order.
 */
final class RetailDataGenerator {
    static final LocalDate FIRST_DAY = LocalDate.of(2024, 1, 1);
    static final LocalDate LAST_DAY = LocalDate.of(2025, 12, 31);

    static final int BASE_CUSTOMERS = 5_000;
    static final int BASE_ORDERS = 200_000;
    static final int BASE_FEEDBACK = 30_000;

    private static final String SCHEMA = "retail";
    private static final int FIRST_EPOCH_DAY = (int) FIRST_DAY.toEpochDay();
    private static final int LAST_EPOCH_DAY = (int) LAST_DAY.toEpochDay();
    private static final int DAY_COUNT = LAST_EPOCH_DAY - FIRST_EPOCH_DAY + 1;

    private static final byte PAID = 0;
    private static final byte CANCELLED = 1;
    private static final byte REFUNDED = 2;
    private static final String[] STATUS_NAMES = {"paid", "cancelled", "refunded"};

    private static final byte CONSUMER = 0;
    private static final byte CORPORATE = 1;
    private static final byte VIP = 2;
    private static final String[] SEGMENT_NAMES = {"consumer", "corporate", "vip"};

    /** Lines per order 1 to 6: a mean of about 2.2. */
    private static final double[] LINE_COUNT_WEIGHTS = {35, 30, 18, 10, 5, 2};

    /** Discount rates in thousandths (DECIMAL(4,3) unscaled) and how often each is given. */
    private static final short[] DISCOUNTS = {50, 100, 150, 200, 250, 300};

    private static final double[] DISCOUNT_WEIGHTS = {30, 28, 15, 14, 7, 6};

    /** Items are appended only after their orders are flushed, since the appender checks foreign keys. */
    private static final int ITEM_BLOCK = 50_000;

    private final DuckDBConnection connection;
    private final RandomDraws draws;
    private final double scale;

    private RetailDataGenerator(DuckDBConnection connection, long seed, double scale) {
        this.connection = connection;
        this.draws = new RandomDraws(seed);
        this.scale = scale;
    }

    /** Appends all rows; the tables must exist and be empty. */
    static void fill(DuckDBConnection connection, long seed, double scale) throws SQLException {
        new RetailDataGenerator(connection, seed, scale).fill();
    }

    /** How many customers, orders or reviews a scale asks for: at least one of each. */
    static int scaled(int base, double scale) {
        long count = Math.max(1, Math.round(base * scale));
        if (count > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("scale " + scale + " asks for too many rows: " + count);
        }
        return (int) count;
    }

    private void fill() throws SQLException {
        appendRegions();
        List<Store> stores = createStores();
        List<Product> products = createProducts();
        int[][] assortments = createAssortments(stores, products);
        Customers customers = createCustomers();
        OrderLog orders = createOrders(stores, products, assortments, customers);
        appendInventory(stores, products, assortments, orders.itemCount());
        appendFeedback(stores, orders);
    }

    /**
     * An appender with the driver's inlined-string shortcut off. In duckdb_jdbc 2.0.0.1 that shortcut
     * writes strings shorter than 12 bytes into the reused chunk without clearing the bytes after
     * them, so from the second chunk on a short value can carry the tail of a longer one: CHECK
     * constraints then reject valid rows ("vip" seen as "vipporate"), and any comparison that reads
     * the whole inlined value could go wrong. The slower path copies the string through DuckDB.
     */
    private DuckDBAppender appender(String table) throws SQLException {
        return connection.createAppender(SCHEMA, table).setWriteInlinedStrings(false);
    }

    // ---------------------------------------------------------------- regions and stores

    private void appendRegions() throws SQLException {
        try (DuckDBAppender appender = appender("regions")) {
            for (Region region : RetailVocabulary.REGIONS) {
                appender.beginRow()
                        .append(region.id())
                        .append(region.name())
                        .append(region.nameZh())
                        .endRow();
            }
        }
    }

    /**
     * A store with what drives its sales: {@code strength} weighs how many orders it takes, which
     * makes some stores better than others, and {@code quality} moves its ratings.
     */
    private record Store(
            int id,
            String name,
            int cityIndex,
            int regionId,
            String type,
            int openedDay,
            double strength,
            double quality) {}

    private List<Store> createStores() throws SQLException {
        int flagshipFrom = (int) LocalDate.of(2010, 1, 1).toEpochDay();
        int othersFrom = (int) LocalDate.of(2012, 1, 1).toEpochDay();
        int flagshipUntil = (int) LocalDate.of(2016, 12, 31).toEpochDay();
        int othersUntil = (int) LocalDate.of(2023, 6, 30).toEpochDay();
        List<Store> stores = new ArrayList<>();
        for (int cityIndex = 0; cityIndex < RetailVocabulary.CITIES.size(); cityIndex++) {
            City city = RetailVocabulary.CITIES.get(cityIndex);
            List<String> locations = new ArrayList<>(RetailVocabulary.STORE_LOCATIONS);
            boolean hasOutlet = false;
            for (int k = 0; k < city.storeCount(); k++) {
                String type;
                String name;
                if (k == 0 && city.storeCount() >= 3) {
                    type = "flagship";
                    name = city.name() + " Flagship";
                } else if (!hasOutlet && draws.chance(0.15)) {
                    hasOutlet = true;
                    type = "outlet";
                    name = city.name() + " Outlet Village";
                } else {
                    type = "standard";
                    name = city.name() + " " + locations.remove(draws.below(locations.size()));
                }
                double typeFactor =
                        switch (type) {
                            case "flagship" -> 1.8;
                            case "outlet" -> 0.75;
                            default -> 1.0;
                        };
                double strength = typeFactor * draws.logNormal(0.35);
                double quality = Math.max(-1, Math.min(1, 0.5 * draws.gaussian()));
                int openedDay = type.equals("flagship")
                        ? draws.between(flagshipFrom, flagshipUntil)
                        : draws.between(othersFrom, othersUntil);
                stores.add(new Store(
                        stores.size() + 1, name, cityIndex, city.regionId(), type, openedDay, strength, quality));
            }
        }
        try (DuckDBAppender appender = appender("stores")) {
            for (Store store : stores) {
                appender.beginRow()
                        .append(store.id())
                        .append(store.name())
                        .append(RetailVocabulary.CITIES.get(store.cityIndex()).name())
                        .append(store.regionId())
                        .append(store.type())
                        .appendEpochDays(store.openedDay())
                        .endRow();
            }
        }
        return stores;
    }

    // ---------------------------------------------------------------- products

    /** A product; prices are in cents, {@code popularity} weighs how often it is bought. */
    private record Product(
            int id,
            String name,
            Category category,
            String brand,
            long unitCostCents,
            long listPriceCents,
            double popularity) {}

    private List<Product> createProducts() throws SQLException {
        List<Product> products = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Category category : RetailVocabulary.CATEGORIES) {
            for (int made = 0; made < category.productCount(); ) {
                String brand = draws.pick(category.brands());
                Item item = draws.pick(category.items());
                Variant variant = draws.pick(category.variants());
                String name = (category.brandInName() ? brand + " " : "") + item.noun() + variant.suffix();
                if (!names.add(name)) {
                    continue; // the category's name space is checked to be large enough to end this
                }
                double price = item.basePrice() * variant.priceFactor() * draws.between(0.85, 1.25);
                long listPriceCents = charmPriceCents(price);
                long unitCostCents = Math.max(
                        1,
                        Math.round(listPriceCents * draws.between(category.costRatioLow(), category.costRatioHigh())));
                // Cheaper products sell more often.
                double popularity =
                        category.demand() * draws.logNormal(0.7) * StrictMath.pow(listPriceCents / 10_000.0, -0.3);
                products.add(new Product(
                        products.size() + 1, name, category, brand, unitCostCents, listPriceCents, popularity));
                made++;
            }
        }
        try (DuckDBAppender appender = appender("products")) {
            for (Product product : products) {
                appender.beginRow()
                        .append(product.id())
                        .append(product.name())
                        .append(product.category().name())
                        .append(product.category().nameZh())
                        .append(product.brand())
                        // Unscaled values: DECIMAL(10,2) is stored as a long count of cents.
                        .appendDecimal(product.unitCostCents())
                        .appendDecimal(product.listPriceCents())
                        .endRow();
            }
        }
        return products;
    }

    /** Prices as shops set them: 1299.00 above 100 yuan, 29.90 below. */
    static long charmPriceCents(double price) {
        if (price >= 100) {
            return ((long) StrictMath.ceil(price / 10) * 10 - 1) * 100;
        }
        return Math.max(1, StrictMath.round(price)) * 100 - 10;
    }

    /**
     * The products each store carries, ascending by index. About a third, more in flagships, so
     * that weekly inventory stays moderate and each store sells only what it stocks.
     */
    private int[][] createAssortments(List<Store> stores, List<Product> products) {
        int minimum = 12;
        int[][] assortments = new int[stores.size()][];
        for (int s = 0; s < stores.size(); s++) {
            double share =
                    switch (stores.get(s).type()) {
                        case "flagship" -> 0.45;
                        case "outlet" -> 0.25;
                        default -> 0.33;
                    };
            boolean[] carried = new boolean[products.size()];
            int count = 0;
            for (int p = 0; p < products.size(); p++) {
                if (draws.chance(share)) {
                    carried[p] = true;
                    count++;
                }
            }
            for (int p = 0; count < minimum && p < products.size(); p++) {
                if (!carried[p]) {
                    carried[p] = true;
                    count++;
                }
            }
            int[] assortment = new int[count];
            for (int p = 0, k = 0; p < products.size(); p++) {
                if (carried[p]) {
                    assortment[k++] = p;
                }
            }
            assortments[s] = assortment;
        }
        return assortments;
    }

    // ---------------------------------------------------------------- customers

    /** What order generation needs to know of each customer, by index (id - 1). */
    private record Customers(int[] signupDay, int[] cityIndex, byte[] segment, double[] activity) {
        int count() {
            return signupDay.length;
        }
    }

    private Customers createCustomers() throws SQLException {
        int count = scaled(BASE_CUSTOMERS, scale);
        // Ids follow signup order. More than half joined before the data starts, so that the first
        // day already has buyers, and never none: the first customer always did.
        int earlyCount = Math.max(1, (int) Math.round(count * 0.55));
        int[] signupDay = new int[count];
        int earlyFrom = (int) LocalDate.of(2019, 1, 1).toEpochDay();
        for (int i = 0; i < count; i++) {
            signupDay[i] = i < earlyCount
                    ? draws.between(earlyFrom, FIRST_EPOCH_DAY - 1)
                    : draws.between(FIRST_EPOCH_DAY, LAST_EPOCH_DAY);
        }
        Arrays.sort(signupDay, 0, earlyCount);
        Arrays.sort(signupDay, earlyCount, count);

        double[] surnameWeights = new double[RetailVocabulary.SURNAMES.size()];
        for (int rank = 0; rank < surnameWeights.length; rank++) {
            surnameWeights[rank] = 1 / StrictMath.pow(rank + 1, 0.7);
        }
        WeightedChoice surnames = new WeightedChoice(surnameWeights);
        WeightedChoice cities = new WeightedChoice(
                RetailVocabulary.CITIES.stream().mapToDouble(City::storeCount).toArray());
        int[] cityIndex = new int[count];
        byte[] segment = new byte[count];
        double[] activity = new double[count];
        Set<String> emails = new HashSet<>();
        Set<String> phones = new HashSet<>();
        try (DuckDBAppender appender = appender("customers")) {
            for (int i = 0; i < count; i++) {
                boolean female = draws.chance(0.52);
                Name surname = RetailVocabulary.SURNAMES.get(surnames.draw(draws));
                Name given =
                        draws.pick(female ? RetailVocabulary.FEMALE_GIVEN_NAMES : RetailVocabulary.MALE_GIVEN_NAMES);
                int birthYear = (int) Math.max(1950, Math.min(2006, Math.round(1987 + 11 * draws.gaussian())));
                cityIndex[i] = cities.draw(draws);
                double segmentDraw = draws.uniform();
                segment[i] = segmentDraw < 0.08 ? CORPORATE : segmentDraw < 0.20 ? VIP : CONSUMER;
                // Few customers buy often and many rarely; VIPs are VIPs because they buy more.
                double baseActivity = 0.08 + 0.92 * StrictMath.pow(draws.uniform(), 2.5);
                activity[i] = Math.min(1, baseActivity * (segment[i] == VIP ? 2.5 : segment[i] == CORPORATE ? 1.2 : 1));
                appender.beginRow()
                        .append(i + 1)
                        .append(surname.hanzi() + given.hanzi())
                        .append(female ? "F" : "M")
                        .append(birthYear)
                        .append(RetailVocabulary.CITIES.get(cityIndex[i]).name())
                        .append(SEGMENT_NAMES[segment[i]])
                        .appendEpochDays(signupDay[i])
                        .append(email(surname, given, birthYear, emails))
                        .append(phone(phones))
                        .endRow();
            }
        }
        return new Customers(signupDay, cityIndex, segment, activity);
    }

    private String email(Name surname, Name given, int birthYear, Set<String> taken) {
        String local =
                switch (draws.below(4)) {
                    case 0 ->
                        given.pinyin() + "." + surname.pinyin() + String.format(Locale.ROOT, "%02d", birthYear % 100);
                    case 1 -> surname.pinyin() + given.pinyin() + draws.between(100, 999);
                    case 2 -> given.pinyin().charAt(0) + surname.pinyin() + birthYear;
                    default -> surname.pinyin() + "_" + given.pinyin();
                };
        String domain = draws.pick(RetailVocabulary.EMAIL_DOMAINS);
        String email = local + "@" + domain;
        while (!taken.add(email)) {
            email = local + draws.between(1, 9999) + "@" + domain; // as people do when their name is taken
        }
        return email;
    }

    private String phone(Set<String> taken) {
        String phone;
        do {
            phone = draws.pick(RetailVocabulary.MOBILE_PREFIXES)
                    + String.format(Locale.ROOT, "%08d", draws.below(100_000_000));
        } while (!taken.add(phone));
        return phone;
    }

    // ---------------------------------------------------------------- orders and items

    /** What feedback needs to know of each order, by index (order id - 1). */
    private record OrderLog(int[] customer, int[] store, int[] day, byte[] status, boolean[] online, long itemCount) {
        int count() {
            return customer.length;
        }
    }

    private OrderLog createOrders(List<Store> stores, List<Product> products, int[][] assortments, Customers customers)
            throws SQLException {
        int orderCount = scaled(BASE_ORDERS, scale);
        int[] ordersPerDay = allocate(orderCount, dayWeights());

        int[][] storesByCity = new int[RetailVocabulary.CITIES.size()][];
        WeightedChoice[] storeInCity = new WeightedChoice[storesByCity.length];
        for (int c = 0; c < storesByCity.length; c++) {
            int city = c;
            storesByCity[c] = storeIndexes(stores, store -> store.cityIndex() == city);
            storeInCity[c] = new WeightedChoice(strengths(stores, storesByCity[c], 1));
        }
        // Online orders are fulfilled in the customer's region, flagships taking a larger share.
        int[][] storesByRegion = new int[RetailVocabulary.REGIONS.size() + 1][];
        WeightedChoice[] fulfilment = new WeightedChoice[storesByRegion.length];
        for (Region region : RetailVocabulary.REGIONS) {
            storesByRegion[region.id()] = storeIndexes(stores, store -> store.regionId() == region.id());
            fulfilment[region.id()] = new WeightedChoice(strengths(stores, storesByRegion[region.id()], 2));
        }
        int[] allStores = storeIndexes(stores, store -> true);
        WeightedChoice anyStore = new WeightedChoice(strengths(stores, allStores, 1));
        WeightedChoice[] productInStore = new WeightedChoice[stores.size()];
        for (int s = 0; s < stores.size(); s++) {
            double[] weights = new double[assortments[s].length];
            for (int k = 0; k < weights.length; k++) {
                weights[k] = products.get(assortments[s][k]).popularity();
            }
            productInStore[s] = new WeightedChoice(weights);
        }
        WeightedChoice lineCounts = new WeightedChoice(LINE_COUNT_WEIGHTS);
        WeightedChoice discountRates = new WeightedChoice(DISCOUNT_WEIGHTS);

        int[] orderCustomer = new int[orderCount];
        int[] orderStore = new int[orderCount];
        int[] orderDay = new int[orderCount];
        byte[] orderStatus = new byte[orderCount];
        boolean[] orderOnline = new boolean[orderCount];
        ItemBlock items = new ItemBlock();
        long itemCount = 0;
        int eligibleCustomers = 0;
        int order = 0;
        int[] productsInOrder = new int[LINE_COUNT_WEIGHTS.length];
        try (DuckDBAppender orderAppender = appender("orders");
                DuckDBAppender itemAppender = appender("order_items")) {
            for (int dayIndex = 0; dayIndex < DAY_COUNT; dayIndex++) {
                int day = FIRST_EPOCH_DAY + dayIndex;
                LocalDate date = LocalDate.ofEpochDay(day);
                while (eligibleCustomers < customers.count() && customers.signupDay()[eligibleCustomers] <= day) {
                    eligibleCustomers++;
                }
                double onlineShare = onlineShare(date, dayIndex);
                double discountChance = discountChance(date);
                boolean returnSeason = date.getMonthValue() >= 11;
                for (int k = 0; k < ordersPerDay[dayIndex]; k++, order++) {
                    int customer = pickCustomer(customers, eligibleCustomers);
                    int city = customers.cityIndex()[customer];
                    boolean online = draws.chance(onlineShare);
                    int store;
                    if (online) {
                        int region = RetailVocabulary.CITIES.get(city).regionId();
                        store = storesByRegion[region][fulfilment[region].draw(draws)];
                    } else if (draws.chance(0.85)) {
                        store = storesByCity[city][storeInCity[city].draw(draws)];
                    } else {
                        store = allStores[anyStore.draw(draws)]; // shopping while travelling
                    }
                    byte status = drawStatus(online, returnSeason);
                    long orderId = order + 1L;
                    orderAppender
                            .beginRow()
                            .append(orderId)
                            .append(customer + 1)
                            .append(store + 1)
                            .appendEpochDays(day)
                            .append(STATUS_NAMES[status])
                            .append(online ? "online" : "store")
                            .endRow();
                    orderCustomer[order] = customer;
                    orderStore[order] = store;
                    orderDay[order] = day;
                    orderStatus[order] = status;
                    orderOnline[order] = online;

                    Store seller = stores.get(store);
                    boolean outlet = seller.type().equals("outlet");
                    byte segment = customers.segment()[customer];
                    int lines = lineCounts.draw(draws) + 1;
                    int lineCount = 0;
                    for (int line = 0; line < lines; line++) {
                        int product = assortments[store][productInStore[store].draw(draws)];
                        // One line per product: redraw a repeat a few times, then give up on the line.
                        for (int retry = 0; retry < 8 && contains(productsInOrder, lineCount, product); retry++) {
                            product = assortments[store][productInStore[store].draw(draws)];
                        }
                        if (contains(productsInOrder, lineCount, product)) {
                            continue;
                        }
                        productsInOrder[lineCount++] = product;
                        Product sold = products.get(product);
                        int quantity = 1;
                        while (quantity < sold.category().maxQuantity() && draws.chance(0.25)) {
                            quantity++;
                        }
                        if (segment == CORPORATE) {
                            quantity *= draws.between(1, 4); // companies buy in bulk
                        }
                        long unitPriceCents = outlet ? Math.round(sold.listPriceCents() * 0.85) : sold.listPriceCents();
                        double lineDiscountChance = discountChance + (outlet ? 0.12 : 0) + (segment == VIP ? 0.05 : 0);
                        short discount = draws.chance(lineDiscountChance) ? DISCOUNTS[discountRates.draw(draws)] : 0;
                        items.add(orderId, lineCount, sold.id(), quantity, unitPriceCents, discount);
                        itemCount++;
                    }
                }
                if (items.size() >= ITEM_BLOCK) {
                    orderAppender.flush();
                    items.appendTo(itemAppender);
                }
            }
            orderAppender.flush();
            items.appendTo(itemAppender);
        }
        return new OrderLog(orderCustomer, orderStore, orderDay, orderStatus, orderOnline, itemCount);
    }

    private static boolean contains(int[] values, int length, int value) {
        for (int i = 0; i < length; i++) {
            if (values[i] == value) {
                return true;
            }
        }
        return false;
    }

    private static int[] storeIndexes(List<Store> stores, Predicate<Store> filter) {
        int[] indexes = new int[stores.size()];
        int count = 0;
        for (int s = 0; s < stores.size(); s++) {
            if (filter.test(stores.get(s))) {
                indexes[count++] = s;
            }
        }
        return Arrays.copyOf(indexes, count);
    }

    private static double[] strengths(List<Store> stores, int[] indexes, double flagshipBonus) {
        double[] weights = new double[indexes.length];
        for (int k = 0; k < indexes.length; k++) {
            Store store = stores.get(indexes[k]);
            weights[k] = store.strength() * (store.type().equals("flagship") ? flagshipBonus : 1);
        }
        return weights;
    }

    /** A customer who had signed up by the order's day, heavy buyers more often. */
    private int pickCustomer(Customers customers, int eligible) {
        while (true) {
            int candidate = draws.below(eligible);
            if (draws.chance(customers.activity()[candidate])) {
                return candidate;
            }
        }
    }

    private byte drawStatus(boolean online, boolean returnSeason) {
        double cancelled = online ? 0.03 : 0.015;
        double refunded = (online ? 0.035 : 0.012) * (returnSeason ? 1.4 : 1);
        double draw = draws.uniform();
        return draw < cancelled ? CANCELLED : draw < cancelled + refunded ? REFUNDED : PAID;
    }

    /**
     * Relative order volume per day: a November and December peak with Singles' Day, smaller peaks
     * on 618 and Double 12, a dip around Chinese New Year, busier weekends, and 12 percent growth
     * in 2025.
     */
    private static double[] dayWeights() {
        double[] monthFactors = {0.85, 0.80, 0.90, 0.92, 1.00, 1.10, 0.95, 0.95, 1.00, 1.08, 1.45, 1.40};
        double[] weekdayFactors = {0.88, 0.86, 0.90, 0.95, 1.08, 1.25, 1.18}; // Monday first
        LocalDate[] newYearsEves = {LocalDate.of(2024, 2, 9), LocalDate.of(2025, 1, 28)};
        double[] weights = new double[DAY_COUNT];
        for (int dayIndex = 0; dayIndex < DAY_COUNT; dayIndex++) {
            LocalDate date = FIRST_DAY.plusDays(dayIndex);
            double weight = monthFactors[date.getMonthValue() - 1]
                    * weekdayFactors[date.getDayOfWeek().getValue() - 1]
                    * (date.getYear() == 2025 ? 1.12 : 1.0);
            Month month = date.getMonth();
            int dayOfMonth = date.getDayOfMonth();
            if (month == Month.NOVEMBER && dayOfMonth == 11) {
                weight *= 3.0;
            } else if (month == Month.NOVEMBER && dayOfMonth < 11) {
                weight *= 1.3;
            } else if (month == Month.JUNE && dayOfMonth == 18) {
                weight *= 2.0;
            } else if (month == Month.DECEMBER && dayOfMonth == 12) {
                weight *= 1.6;
            } else if (month == Month.DECEMBER && (dayOfMonth == 24 || dayOfMonth == 25)) {
                weight *= 1.3;
            }
            for (LocalDate eve : newYearsEves) {
                long fromEve = date.toEpochDay() - eve.toEpochDay();
                if (fromEve >= -2 && fromEve <= 6) {
                    weight *= 0.6;
                }
            }
            weights[dayIndex] = weight;
        }
        return weights;
    }

    /** Splits a total over days in proportion to their weights, exactly and without randomness. */
    static int[] allocate(int total, double[] weights) {
        double sum = 0;
        for (double weight : weights) {
            sum += weight;
        }
        int[] counts = new int[weights.length];
        double[] remainders = new double[weights.length];
        int assigned = 0;
        for (int i = 0; i < weights.length; i++) {
            double exact = total * weights[i] / sum;
            counts[i] = (int) exact;
            remainders[i] = exact - counts[i];
            assigned += counts[i];
        }
        // Largest remainders first; ties go to the earlier day, so the split is reproducible.
        Integer[] order = new Integer[weights.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(
                order, (a, b) -> remainders[a] != remainders[b] ? Double.compare(remainders[b], remainders[a]) : a - b);
        for (int k = 0; assigned < total; k++, assigned++) {
            counts[order[k]]++;
        }
        return counts;
    }

    /** Online grows over the two years, peaks in the shopping festivals and dips at weekends. */
    private static double onlineShare(LocalDate date, int dayIndex) {
        double share = 0.36 + 0.08 * dayIndex / (DAY_COUNT - 1);
        if (date.getMonthValue() >= 11 || (date.getMonth() == Month.JUNE && date.getDayOfMonth() <= 18)) {
            share += 0.12;
        }
        DayOfWeek weekday = date.getDayOfWeek();
        if (weekday == DayOfWeek.SATURDAY || weekday == DayOfWeek.SUNDAY) {
            share -= 0.04;
        }
        return share;
    }

    /** Most lines sell at full price; promotions cluster around the shopping festivals. */
    private static double discountChance(LocalDate date) {
        int dayOfMonth = date.getDayOfMonth();
        return switch (date.getMonth()) {
            case NOVEMBER -> dayOfMonth <= 11 ? 0.45 : 0.2;
            case JUNE -> dayOfMonth <= 18 ? 0.35 : 0.14;
            case DECEMBER -> dayOfMonth == 12 ? 0.30 : 0.18;
            default -> 0.14;
        };
    }

    /** Order lines waiting for their orders to be flushed, in primitive arrays to keep them small. */
    private static final class ItemBlock {
        private long[] orderId = new long[ITEM_BLOCK + 64];
        private int[] lineNo = new int[orderId.length];
        private int[] productId = new int[orderId.length];
        private int[] quantity = new int[orderId.length];
        private long[] unitPriceCents = new long[orderId.length];
        private short[] discount = new short[orderId.length];
        private int size;

        void add(long order, int line, int product, int units, long priceCents, short discountThousandths) {
            if (size == orderId.length) {
                int capacity = size * 2;
                orderId = Arrays.copyOf(orderId, capacity);
                lineNo = Arrays.copyOf(lineNo, capacity);
                productId = Arrays.copyOf(productId, capacity);
                quantity = Arrays.copyOf(quantity, capacity);
                unitPriceCents = Arrays.copyOf(unitPriceCents, capacity);
                discount = Arrays.copyOf(discount, capacity);
            }
            orderId[size] = order;
            lineNo[size] = line;
            productId[size] = product;
            quantity[size] = units;
            unitPriceCents[size] = priceCents;
            discount[size] = discountThousandths;
            size++;
        }

        int size() {
            return size;
        }

        void appendTo(DuckDBAppender appender) throws SQLException {
            for (int i = 0; i < size; i++) {
                appender.beginRow()
                        .append(orderId[i])
                        .append(lineNo[i])
                        .append(productId[i])
                        .append(quantity[i])
                        .appendDecimal(unitPriceCents[i])
                        .appendDecimal(discount[i]) // DECIMAL(4,3) is stored as a short of thousandths
                        .endRow();
            }
            size = 0;
        }
    }

    // ---------------------------------------------------------------- inventory

    /**
     * One row per Sunday, store and product it carries. Stock levels follow expected demand, so
     * that days of cover come out at a few weeks, with build-up before Singles' Day and a few
     * stock-outs.
     */
    private void appendInventory(List<Store> stores, List<Product> products, int[][] assortments, long itemCount)
            throws SQLException {
        double totalStrength = 0;
        for (Store store : stores) {
            totalStrength += store.strength();
        }
        double itemsPerDay = (double) itemCount / DAY_COUNT;
        double unitsPerItem = 1.3;
        double[][] stockLevel = new double[stores.size()][];
        for (int s = 0; s < stores.size(); s++) {
            int[] assortment = assortments[s];
            double popularityInStore = 0;
            for (int product : assortment) {
                popularityInStore += products.get(product).popularity();
            }
            double storeItemsPerDay = itemsPerDay * stores.get(s).strength() / totalStrength;
            stockLevel[s] = new double[assortment.length];
            for (int k = 0; k < assortment.length; k++) {
                double dailyUnits = storeItemsPerDay
                        * unitsPerItem
                        * products.get(assortment[k]).popularity()
                        / popularityInStore;
                stockLevel[s][k] = dailyUnits * draws.between(14.0, 42.0) + draws.between(2.0, 6.0);
            }
        }
        LocalDate firstSunday = FIRST_DAY;
        while (firstSunday.getDayOfWeek() != DayOfWeek.SUNDAY) {
            firstSunday = firstSunday.plusDays(1);
        }
        try (DuckDBAppender appender = appender("inventory_snapshots")) {
            for (LocalDate sunday = firstSunday; !sunday.isAfter(LAST_DAY); sunday = sunday.plusWeeks(1)) {
                double season = stockSeason(sunday);
                int day = (int) sunday.toEpochDay();
                for (int s = 0; s < stores.size(); s++) {
                    for (int k = 0; k < assortments[s].length; k++) {
                        int onHand = draws.chance(0.03)
                                ? 0
                                : (int) Math.round(stockLevel[s][k] * season * draws.between(0.35, 1.25));
                        appender.beginRow()
                                .appendEpochDays(day)
                                .append(s + 1)
                                .append(products.get(assortments[s][k]).id())
                                .append(onHand)
                                .endRow();
                    }
                }
            }
        }
    }

    private static double stockSeason(LocalDate date) {
        int month = date.getMonthValue();
        int dayOfMonth = date.getDayOfMonth();
        if ((month == 10 && dayOfMonth >= 15) || (month == 11 && dayOfMonth <= 10)) {
            return 1.6; // stocking up for Singles' Day
        }
        return month >= 11 ? 1.15 : 1.0;
    }

    // ---------------------------------------------------------------- feedback

    /**
     * Reviews on orders that were not cancelled, picked by selection sampling so that the count is
     * exact. Each review's customer is its order's customer; ratings follow the store's quality,
     * and refunds draw low ones.
     */
    private void appendFeedback(List<Store> stores, OrderLog orders) throws SQLException {
        int eligible = 0;
        for (int i = 0; i < orders.count(); i++) {
            if (orders.status()[i] != CANCELLED) {
                eligible++;
            }
        }
        int wanted = Math.min(scaled(BASE_FEEDBACK, scale), eligible);
        WeightedChoice refundRatings = new WeightedChoice(new double[] {45, 30, 15, 7, 3});
        long feedbackId = 0;
        try (DuckDBAppender appender = appender("customer_feedback")) {
            int remaining = eligible;
            for (int i = 0; i < orders.count() && wanted > 0; i++) {
                if (orders.status()[i] == CANCELLED) {
                    continue;
                }
                boolean selected = draws.uniform() * remaining < wanted;
                remaining--;
                if (!selected) {
                    continue;
                }
                wanted--;
                boolean refunded = orders.status()[i] == REFUNDED;
                int rating;
                if (refunded) {
                    rating = refundRatings.draw(draws) + 1;
                } else {
                    double score = 4.15
                            + 0.45 * stores.get(orders.store()[i]).quality()
                            - (orders.online()[i] ? 0.15 : 0)
                            + 0.95 * draws.gaussian();
                    rating = (int) Math.max(1, Math.min(5, Math.round(score)));
                }
                String comment = draws.chance(0.22) ? null : review(rating, refunded);
                int delay = (int) Math.min(30, StrictMath.floor(-3 * StrictMath.log(1 - draws.uniform())));
                int createdAt = Math.min(LAST_EPOCH_DAY, orders.day()[i] + delay);
                appender.beginRow()
                        .append(++feedbackId)
                        .append(i + 1L)
                        .append(orders.customer()[i] + 1)
                        .append(rating)
                        .append(comment)
                        .appendEpochDays(createdAt)
                        .endRow();
            }
        }
    }

    private String review(int rating, boolean refunded) {
        if (refunded && draws.chance(0.6)) {
            return draws.pick(RetailVocabulary.REFUND_REVIEWS);
        }
        if (rating >= 4) {
            return draws.pick(RetailVocabulary.POSITIVE_REVIEWS);
        }
        return draws.pick(rating == 3 ? RetailVocabulary.NEUTRAL_REVIEWS : RetailVocabulary.NEGATIVE_REVIEWS);
    }
}
