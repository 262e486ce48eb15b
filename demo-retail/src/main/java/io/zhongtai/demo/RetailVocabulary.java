package io.zhongtai.demo;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The fixed vocabulary of the demo retailer: regions, cities, categories with their brands and
 * items, and the names, addresses and review texts customers are made of. Lists, not sets or
 * maps, because the generator draws by index and its output must not depend on hash order.
 *
 * <p>Brands, stores and people are invented. Email addresses use the reserved example domains
 * (RFC 2606) so that the personal-data samples can never reach a real mailbox.
 */
final class RetailVocabulary {
    private RetailVocabulary() {}

    record Region(int id, String name, String nameZh) {
        Region {
            requireNonNull(name, "name is null");
            requireNonNull(nameZh, "nameZh is null");
        }
    }

    /** A city with stores; {@code storeCount} fixes how the 40 stores spread over the country. */
    record City(String name, int regionId, int storeCount) {
        City {
            requireNonNull(name, "name is null");
            if (storeCount < 1) {
                throw new IllegalArgumentException("a city needs a store: " + name);
            }
        }
    }

    /** A kind of product with a typical price in CNY, such as a rice cooker at 399. */
    record Item(String noun, double basePrice) {
        Item {
            requireNonNull(noun, "noun is null");
            if (!(basePrice > 0)) {
                throw new IllegalArgumentException("base price must be positive: " + noun);
            }
        }
    }

    /** A model or edition suffix and how it moves the price, such as " Pro" at 1.35. */
    record Variant(String suffix, double priceFactor) {
        Variant {
            requireNonNull(suffix, "suffix is null");
        }
    }

    /**
     * A product category. {@code demand} weighs how often its products are bought, {@code costRatio*}
     * bound the unit cost as a share of the list price, and {@code brandInName} is false for books,
     * whose brand is the publisher and not part of the title.
     */
    record Category(
            String name,
            String nameZh,
            int productCount,
            double demand,
            double costRatioLow,
            double costRatioHigh,
            int maxQuantity,
            boolean brandInName,
            List<String> brands,
            List<Item> items,
            List<Variant> variants) {
        Category {
            requireNonNull(name, "name is null");
            requireNonNull(nameZh, "nameZh is null");
            brands = List.copyOf(brands);
            items = List.copyOf(items);
            variants = List.copyOf(variants);
            long distinctNames = (long) (brandInName ? brands.size() : 1) * items.size() * variants.size();
            if (distinctNames < productCount + productCount / 4) {
                // Names are drawn until unique: leave enough room for that to end quickly.
                throw new IllegalArgumentException("too few name combinations for " + productCount + " " + name);
            }
        }
    }

    /** A Chinese name with its pinyin, from which email addresses are made. */
    record Name(String hanzi, String pinyin) {
        Name {
            requireNonNull(hanzi, "hanzi is null");
            requireNonNull(pinyin, "pinyin is null");
        }
    }

    static final List<Region> REGIONS = List.of(
            new Region(1, "East", "华东"),
            new Region(2, "North", "华北"),
            new Region(3, "South", "华南"),
            new Region(4, "West", "西部"),
            new Region(5, "Central", "华中"),
            new Region(6, "Northeast", "东北"));

    /** 18 cities holding 40 stores; customers live in these cities in proportion to their stores. */
    static final List<City> CITIES = List.of(
            new City("Shanghai", 1, 4),
            new City("Hangzhou", 1, 2),
            new City("Nanjing", 1, 2),
            new City("Suzhou", 1, 2),
            new City("Beijing", 2, 4),
            new City("Tianjin", 2, 2),
            new City("Guangzhou", 3, 3),
            new City("Shenzhen", 3, 3),
            new City("Xiamen", 3, 1),
            new City("Chengdu", 4, 3),
            new City("Chongqing", 4, 2),
            new City("Xi'an", 4, 2),
            new City("Wuhan", 5, 2),
            new City("Changsha", 5, 2),
            new City("Zhengzhou", 5, 1),
            new City("Shenyang", 6, 2),
            new City("Dalian", 6, 2),
            new City("Harbin", 6, 1));

    /** Locations that name standard stores, as in "Hangzhou Lakeside"; more than any city has stores. */
    static final List<String> STORE_LOCATIONS = List.of(
            "Central Plaza",
            "Riverside",
            "Station Square",
            "Century Mall",
            "Lakeside",
            "Old Town",
            "Tech Park",
            "Harbour City",
            "North Gate",
            "Garden Walk");

    static final List<Category> CATEGORIES = List.of(
            new Category(
                    "Electronics",
                    "电子产品",
                    40,
                    1.0,
                    0.70,
                    0.85,
                    2,
                    true,
                    List.of("Voltix", "Nebula", "Kestrel", "Lumio", "Aurion"),
                    List.of(
                            new Item("Smartphone", 2999),
                            new Item("Tablet", 2499),
                            new Item("Laptop", 5499),
                            new Item("Wireless Earbuds", 399),
                            new Item("Noise-Cancelling Headphones", 1299),
                            new Item("Bluetooth Speaker", 299),
                            new Item("Smartwatch", 1199),
                            new Item("Fitness Band", 249),
                            new Item("Power Bank", 129),
                            new Item("27-inch Monitor", 1499),
                            new Item("Mechanical Keyboard", 399),
                            new Item("Wireless Mouse", 119),
                            new Item("Action Camera", 1799),
                            new Item("E-Reader", 899)),
                    List.of(
                            new Variant("", 1.0),
                            new Variant(" Pro", 1.35),
                            new Variant(" Lite", 0.75),
                            new Variant(" Max", 1.5),
                            new Variant(" Mini", 0.85))),
            new Category(
                    "Apparel",
                    "服装",
                    50,
                    1.2,
                    0.35,
                    0.55,
                    3,
                    true,
                    List.of("Urbane", "Qingyi", "Northwind", "Linen & Pine", "Maple Lane"),
                    List.of(
                            new Item("Cotton T-Shirt", 79),
                            new Item("Polo Shirt", 149),
                            new Item("Linen Shirt", 199),
                            new Item("Slim Jeans", 259),
                            new Item("Chino Trousers", 229),
                            new Item("Hoodie", 199),
                            new Item("Wool Sweater", 399),
                            new Item("Down Jacket", 899),
                            new Item("Trench Coat", 799),
                            new Item("Silk Scarf", 259),
                            new Item("Pleated Skirt", 239),
                            new Item("Running Socks (3-Pack)", 49)),
                    List.of(
                            new Variant("", 1.0),
                            new Variant(" Classic", 1.0),
                            new Variant(" Premium", 1.4),
                            new Variant(" Essential", 0.8),
                            new Variant(" Kids", 0.6))),
            new Category(
                    "Home",
                    "家居",
                    40,
                    0.9,
                    0.45,
                    0.65,
                    2,
                    true,
                    List.of("Casa Ming", "Hearthly", "Bamboo Lane", "Nordhaus"),
                    List.of(
                            new Item("Rice Cooker", 399),
                            new Item("Electric Kettle", 159),
                            new Item("Air Purifier", 1299),
                            new Item("Robot Vacuum", 1999),
                            new Item("Memory Foam Pillow", 199),
                            new Item("Cotton Bedding Set", 459),
                            new Item("Bath Towel Set", 129),
                            new Item("Ceramic Dinnerware Set", 299),
                            new Item("Cast Iron Wok", 259),
                            new Item("Desk Lamp", 169),
                            new Item("Storage Box Set", 89),
                            new Item("Aroma Diffuser", 139)),
                    List.of(
                            new Variant("", 1.0),
                            new Variant(" Plus", 1.3),
                            new Variant(" Compact", 0.8),
                            new Variant(" Deluxe", 1.5))),
            new Category(
                    "Beauty",
                    "美妆",
                    35,
                    0.9,
                    0.25,
                    0.45,
                    3,
                    true,
                    List.of("Lotus Dew", "Glowra", "Mistique", "Jade Petal"),
                    List.of(
                            new Item("Hydrating Serum", 299),
                            new Item("Sunscreen SPF50", 129),
                            new Item("Matte Lipstick", 169),
                            new Item("Gentle Face Cleanser", 89),
                            new Item("Sheet Masks (10-Pack)", 99),
                            new Item("Eye Cream", 259),
                            new Item("Cushion Foundation", 219),
                            new Item("Hand Cream", 59),
                            new Item("Eau de Parfum 50ml", 599),
                            new Item("Night Repair Cream", 399)),
                    List.of(
                            new Variant("", 1.0),
                            new Variant(" Travel Size", 0.5),
                            new Variant(" Limited Edition", 1.3),
                            new Variant(" Sensitive", 1.05))),
            new Category(
                    "Grocery",
                    "食品",
                    50,
                    1.6,
                    0.60,
                    0.80,
                    6,
                    true,
                    List.of("Golden Field", "Sunny Farm", "Tea Hill", "Harbor Fresh", "Mountain Spring"),
                    List.of(
                            new Item("Jasmine Rice 5kg", 69),
                            new Item("Oolong Tea 250g", 128),
                            new Item("Green Tea 250g", 98),
                            new Item("Mixed Nuts 500g", 79),
                            new Item("Extra Virgin Olive Oil 1L", 89),
                            new Item("Instant Noodles (5-Pack)", 19),
                            new Item("Dark Chocolate 100g", 25),
                            new Item("Light Soy Sauce 500ml", 15),
                            new Item("Dried Mango 200g", 29),
                            new Item("Coffee Beans 500g", 119),
                            new Item("Oat Milk (6-Pack)", 59),
                            new Item("Wildflower Honey 500g", 69),
                            new Item("Sparkling Water (12-Pack)", 45)),
                    List.of(new Variant("", 1.0), new Variant(" Organic", 1.4), new Variant(" Family Pack", 1.8))),
            new Category(
                    "Sports",
                    "运动户外",
                    30,
                    0.7,
                    0.45,
                    0.60,
                    2,
                    true,
                    List.of("Summit Pro", "Stride", "Peakline", "Tidewater"),
                    List.of(
                            new Item("Running Shoes", 599),
                            new Item("Yoga Mat", 159),
                            new Item("Badminton Racket", 299),
                            new Item("Hiking Backpack 40L", 459),
                            new Item("Camping Tent", 899),
                            new Item("Adjustable Dumbbells", 699),
                            new Item("Basketball", 199),
                            new Item("Cycling Helmet", 349),
                            new Item("Trekking Poles", 259),
                            new Item("Swim Goggles", 89),
                            new Item("Jump Rope", 49)),
                    List.of(new Variant("", 1.0), new Variant(" Pro", 1.4), new Variant(" Lite", 0.8))),
            new Category(
                    "Toys",
                    "玩具",
                    25,
                    0.5,
                    0.40,
                    0.60,
                    2,
                    true,
                    List.of("Panda Play", "Brickworks", "Little Star"),
                    List.of(
                            new Item("Building Blocks Set", 399),
                            new Item("Plush Panda", 129),
                            new Item("Remote Control Car", 299),
                            new Item("Jigsaw Puzzle 1000 Pieces", 89),
                            new Item("Wooden Train Set", 259),
                            new Item("Science Experiment Kit", 199),
                            new Item("Family Board Game", 149),
                            new Item("Doll House", 459),
                            new Item("Drawing Tablet for Kids", 179)),
                    List.of(new Variant("", 1.0), new Variant(" Junior", 0.8), new Variant(" Deluxe", 1.4))),
            new Category(
                    "Books",
                    "图书",
                    30,
                    0.6,
                    0.50,
                    0.70,
                    3,
                    false,
                    List.of("Red Lantern Press", "Bamboo Books", "Horizon Publishing"),
                    List.of(
                            new Item("A Short History of the Silk Road", 68),
                            new Item("Home-Style Chinese Cooking", 88),
                            new Item("Learn Python in 30 Days", 79),
                            new Item("Illustrated World Atlas", 128),
                            new Item("Mindful Living", 49),
                            new Item("Startup Finance Basics", 59),
                            new Item("Bedtime Stories for Little Ones", 39),
                            new Item("A Beginner's Guide to Photography", 69),
                            new Item("Modern Poetry Anthology", 45),
                            new Item("Data Analysis with SQL", 89),
                            new Item("The Tea Lover's Handbook", 58),
                            new Item("Hiking the Great Wall", 72),
                            new Item("Growing Vegetables on a Balcony", 42),
                            new Item("Stories of the Grand Canal", 65)),
                    List.of(new Variant("", 1.0), new Variant(" (Hardcover)", 1.5), new Variant(" (Paperback)", 0.8))));

    /** Common surnames, most frequent first; the generator weighs them by rank. */
    static final List<Name> SURNAMES = List.of(
            new Name("王", "wang"),
            new Name("李", "li"),
            new Name("张", "zhang"),
            new Name("刘", "liu"),
            new Name("陈", "chen"),
            new Name("杨", "yang"),
            new Name("黄", "huang"),
            new Name("赵", "zhao"),
            new Name("吴", "wu"),
            new Name("周", "zhou"),
            new Name("徐", "xu"),
            new Name("孙", "sun"),
            new Name("马", "ma"),
            new Name("朱", "zhu"),
            new Name("胡", "hu"),
            new Name("郭", "guo"),
            new Name("何", "he"),
            new Name("高", "gao"),
            new Name("林", "lin"),
            new Name("罗", "luo"),
            new Name("郑", "zheng"),
            new Name("梁", "liang"),
            new Name("谢", "xie"),
            new Name("宋", "song"),
            new Name("唐", "tang"),
            new Name("许", "xu"),
            new Name("韩", "han"),
            new Name("冯", "feng"),
            new Name("邓", "deng"),
            new Name("曹", "cao"),
            new Name("彭", "peng"),
            new Name("曾", "zeng"),
            new Name("肖", "xiao"),
            new Name("田", "tian"),
            new Name("董", "dong"),
            new Name("袁", "yuan"),
            new Name("潘", "pan"),
            new Name("于", "yu"),
            new Name("蒋", "jiang"),
            new Name("蔡", "cai"));

    static final List<Name> FEMALE_GIVEN_NAMES = List.of(
            new Name("芳", "fang"),
            new Name("娜", "na"),
            new Name("敏", "min"),
            new Name("静", "jing"),
            new Name("丽", "li"),
            new Name("婷", "ting"),
            new Name("雪", "xue"),
            new Name("慧", "hui"),
            new Name("颖", "ying"),
            new Name("佳怡", "jiayi"),
            new Name("欣怡", "xinyi"),
            new Name("梓涵", "zihan"),
            new Name("雨婷", "yuting"),
            new Name("思琪", "siqi"),
            new Name("晓燕", "xiaoyan"),
            new Name("秀英", "xiuying"),
            new Name("丽娟", "lijuan"),
            new Name("桂英", "guiying"),
            new Name("玉兰", "yulan"),
            new Name("海燕", "haiyan"),
            new Name("诗涵", "shihan"),
            new Name("可馨", "kexin"),
            new Name("梦瑶", "mengyao"),
            new Name("紫萱", "zixuan"),
            new Name("文静", "wenjing"),
            new Name("晓梅", "xiaomei"),
            new Name("淑华", "shuhua"),
            new Name("春梅", "chunmei"));

    static final List<Name> MALE_GIVEN_NAMES = List.of(
            new Name("伟", "wei"),
            new Name("强", "qiang"),
            new Name("磊", "lei"),
            new Name("军", "jun"),
            new Name("洋", "yang"),
            new Name("勇", "yong"),
            new Name("杰", "jie"),
            new Name("涛", "tao"),
            new Name("明", "ming"),
            new Name("超", "chao"),
            new Name("浩然", "haoran"),
            new Name("子轩", "zixuan"),
            new Name("宇航", "yuhang"),
            new Name("俊杰", "junjie"),
            new Name("建华", "jianhua"),
            new Name("志强", "zhiqiang"),
            new Name("国庆", "guoqing"),
            new Name("文博", "wenbo"),
            new Name("晨阳", "chenyang"),
            new Name("博文", "bowen"),
            new Name("建国", "jianguo"),
            new Name("海涛", "haitao"),
            new Name("鹏飞", "pengfei"),
            new Name("家豪", "jiahao"),
            new Name("天宇", "tianyu"),
            new Name("子豪", "zihao"),
            new Name("一鸣", "yiming"),
            new Name("嘉诚", "jiacheng"));

    static final List<String> EMAIL_DOMAINS =
            List.of("example.com", "example.cn", "example.net", "example.org", "mail.example.com");

    /** Prefixes of mainland mobile numbers, so that phones look like the 11-digit numbers shops store. */
    static final List<String> MOBILE_PREFIXES = List.of(
            "130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "153", "155", "156",
            "157", "158", "159", "166", "176", "177", "178", "180", "181", "182", "183", "186", "187", "188", "189",
            "198", "199");

    static final List<String> POSITIVE_REVIEWS = List.of(
            "质量很好，非常满意",
            "物流很快，包装完好",
            "性价比高，会回购",
            "店员服务热情，体验很好",
            "和描述一致，推荐购买",
            "第二次购买了，一如既往的好",
            "Great quality, will buy again",
            "Fast delivery and well packed",
            "Exactly as described",
            "Friendly and helpful staff at the store");

    static final List<String> NEUTRAL_REVIEWS = List.of(
            "还可以，中规中矩",
            "东西一般，价格略贵",
            "配送有点慢，商品还行",
            "包装简陋，产品本身没问题",
            "OK for the price",
            "Delivery took longer than expected");

    static final List<String> NEGATIVE_REVIEWS = List.of(
            "质量一般，和图片不符",
            "发货太慢了",
            "尺码不合适，做工粗糙",
            "客服回复很慢",
            "Product arrived damaged",
            "Not worth the money",
            "The store was out of stock of half the items");

    static final List<String> REFUND_REVIEWS = List.of(
            "已申请退款，商品有瑕疵",
            "收到的商品有破损，已退款",
            "退货流程很顺利",
            "Returned it, the item was faulty",
            "Refund took two weeks to arrive");
}
