namespace Bangfu.Cli.Generate;

/// <summary>
/// Plausible personal names: common surnames (with Hunan's frequent ones weighted up), surnames frequent among the
/// Miao, Yao, Dong and Tujia, and given-name characters that follow the fashions of three birth cohorts.
/// Names are drawn at random; a drawn name belongs to nobody in particular.
/// </summary>
internal static class ChineseNames
{
    // Declared first: the lists below are built from it as the class initialises.
    private static readonly HashSet<string> TwoCharacterSurnames = ["欧阳", "司马", "诸葛", "上官"];

    // Roughly in order of frequency in Hunan (刘, 李, 王, 陈, 张, 杨 ... lead); weight falls with rank.
    private static readonly WeightedChoice<string> CommonSurnames = Ranked(
        "刘李王陈张杨周黄唐邓彭谭罗胡曾肖吴朱贺欧阳龙蒋赵何谢廖邹易许田李袁向段雷文汤郭龚姚徐伍石孙马高梁林宋阳颜万钟刘毛戴邱蔡夏卢方尹严范杜江康冯丁曹付郑姜黎莫熊聂覃孔邵柳左");

    private static readonly Dictionary<string, WeightedChoice<string>> EthnicSurnames = new(StringComparer.Ordinal)
    {
        ["苗族"] = Ranked("龙吴石杨麻滕施田张罗梁隆"),
        ["瑶族"] = Ranked("盘赵邓李冯奉黄唐沈房郑"),
        ["侗族"] = Ranked("杨吴龙石粟欧姚陆潘张蒲"),
        ["土家族"] = Ranked("向田彭覃王张李黄符冉谭"),
    };

    private static readonly string[] OldMaleFirst = Chars("建国德长福金桂春志光世玉新汉发正永运宗家");
    private static readonly string[] OldMaleSecond = Chars("明生华林清昌胜民强才发成富贵山安平祥兴荣");
    private static readonly string[] MidMaleFirst = Chars("海建志俊小永红伟立卫文国明晓德春军勇云");
    private static readonly string[] MidMaleSecond = Chars("波军平涛辉华斌明峰强林刚勇东飞龙兵亮杰鹏");
    private static readonly string[] YoungMaleFirst = Chars("子浩宇俊梓一嘉思博天文志家明皓泽锦睿雨承");
    private static readonly string[] YoungMaleSecond = Chars("轩宇杰涛豪然航睿泽铭辰阳博凯鑫洋成瑞恒");
    private static readonly string[] OldFemaleFirst = Chars("秀桂玉春金菊兰冬翠凤淑彩银月素");
    private static readonly string[] OldFemaleSecond = Chars("英兰珍花梅莲芳凤娥香华琴秀云娇");
    private static readonly string[] MidFemaleFirst = Chars("小丽红海晓燕美春雪艳丹玉秋金慧");
    private static readonly string[] MidFemaleSecond = Chars("红丽燕芳娟霞琴萍玲艳敏静英华梅");
    private static readonly string[] YoungFemaleFirst = Chars("欣梓子雨思诗佳一可紫语若晨雅婉");
    private static readonly string[] YoungFemaleSecond = Chars("怡涵萱琪彤妍悦琳婷洁颖瑶然菲雯");

    /// <summary>A surname: for a minority household most often one frequent in that people, otherwise a common one.</summary>
    public static string Surname(Random random, string ethnicity) =>
        EthnicSurnames.TryGetValue(ethnicity, out var list) && random.NextDouble() < 0.8
            ? list.Pick(random)
            : CommonSurnames.Pick(random);

    /// <summary>A given name of one or two characters, in the fashion of the birth year.</summary>
    public static string GivenName(Random random, bool male, int birthYear)
    {
        var (first, second) = (male, birthYear) switch
        {
            (true, < 1965) => (OldMaleFirst, OldMaleSecond),
            (true, < 1990) => (MidMaleFirst, MidMaleSecond),
            (true, _) => (YoungMaleFirst, YoungMaleSecond),
            (false, < 1965) => (OldFemaleFirst, OldFemaleSecond),
            (false, < 1990) => (MidFemaleFirst, MidFemaleSecond),
            (false, _) => (YoungFemaleFirst, YoungFemaleSecond),
        };
        var secondChar = second[random.Next(second.Length)];
        if (random.NextDouble() < 0.22) return secondChar;
        // A repeated character (丽丽, 婷婷) is a common name in its own right.
        return first[random.Next(first.Length)] + secondChar;
    }

    private static string[] Chars(string text) =>
        text.EnumerateRunes().Select(r => r.ToString()).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>Surnames in rank order; "欧阳" and other two-character surnames are written as such in the list.</summary>
    private static WeightedChoice<string> Ranked(string surnames)
    {
        var names = new List<string>();
        var runes = surnames.EnumerateRunes().Select(r => r.ToString()).ToList();
        for (var i = 0; i < runes.Count; i++)
        {
            var two = i + 1 < runes.Count ? runes[i] + runes[i + 1] : "";
            if (TwoCharacterSurnames.Contains(two)) { names.Add(two); i++; }
            else names.Add(runes[i]);
        }
        return new WeightedChoice<string>(names.Distinct(StringComparer.Ordinal).Select((n, rank) => (n, 1.0 / Math.Pow(rank + 1, 0.8))));
    }
}
