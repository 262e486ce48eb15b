package io.zhongtai.nl.lexicon;

import java.util.Map;

/**
 * Chinese names of major mainland cities with their usual romanised spelling, so that a question
 * in Chinese can name a city that the warehouse stores in Latin letters (上海 for Shanghai). Used
 * only for values the city dimension actually holds.
 */
final class ChinesePlaceNames {
    static final Map<String, String> CITIES = Map.ofEntries(
            Map.entry("上海", "Shanghai"), Map.entry("北京", "Beijing"), Map.entry("广州", "Guangzhou"),
            Map.entry("深圳", "Shenzhen"), Map.entry("杭州", "Hangzhou"), Map.entry("南京", "Nanjing"),
            Map.entry("苏州", "Suzhou"), Map.entry("天津", "Tianjin"), Map.entry("厦门", "Xiamen"),
            Map.entry("成都", "Chengdu"), Map.entry("重庆", "Chongqing"), Map.entry("西安", "Xi'an"),
            Map.entry("武汉", "Wuhan"), Map.entry("长沙", "Changsha"), Map.entry("郑州", "Zhengzhou"),
            Map.entry("沈阳", "Shenyang"), Map.entry("大连", "Dalian"), Map.entry("哈尔滨", "Harbin"),
            Map.entry("青岛", "Qingdao"), Map.entry("宁波", "Ningbo"), Map.entry("济南", "Jinan"),
            Map.entry("合肥", "Hefei"), Map.entry("福州", "Fuzhou"), Map.entry("昆明", "Kunming"),
            Map.entry("长春", "Changchun"), Map.entry("石家庄", "Shijiazhuang"), Map.entry("太原", "Taiyuan"),
            Map.entry("南昌", "Nanchang"), Map.entry("南宁", "Nanning"), Map.entry("贵阳", "Guiyang"),
            Map.entry("兰州", "Lanzhou"), Map.entry("无锡", "Wuxi"), Map.entry("东莞", "Dongguan"),
            Map.entry("佛山", "Foshan"), Map.entry("珠海", "Zhuhai"), Map.entry("海口", "Haikou"),
            Map.entry("乌鲁木齐", "Urumqi"), Map.entry("呼和浩特", "Hohhot"), Map.entry("拉萨", "Lhasa"),
            Map.entry("西宁", "Xining"), Map.entry("银川", "Yinchuan"), Map.entry("三亚", "Sanya"));

    private ChinesePlaceNames() {}
}
