/**
 * Every department of the demo city is found by the words citizens use for its duties, on letters written for
 * this test (not taken from any labelled set): the department's own words in the message (lexicon.ts) put it
 * first, with those words as the reasons. No model is trained here; the first-day router's own test
 * (routingFirstDay.test.ts) routes a few of the same kind end to end.
 */
import { DepartmentLexicon } from '../core/routing/lexicon';
import { DEPARTMENTS } from '../models/demo/departments';

/** Everyday letters, by the department that does that job in the demo city. */
const EVERYDAY: Record<string, string[]> = {
  dev: ['今年的管道天然气价格又要上调了，能不能先开价格听证会', '咨询本市阶梯电价是怎么分档计算的', '我们村的以工代赈项目资金什么时候下来'],
  edu: ['孩子今年幼升小，户口不在学区能不能就近入学', '学校老师课后在家开辅导班收补课费', '初中寄宿生晚上宿舍太挤，希望学校扩建'],
  tech: ['小微企业怎么申报高新技术企业认定', '希望多建几个众创空间和孵化器扶持大学生创业团队', '科技特派员下乡服务的补助怎么申请'],
  industry: ['我们小区手机信号太差，打电话总断线', '农村宽带网速慢，运营商迟迟不来维修', '中小企业转型升级搞技术改造有没有扶持政策'],
  police: ['半夜有人骑改装摩托车炸街，吵得睡不着', '电动车在楼下被偷了，报案后一直没消息', '新生儿办理户口登记需要带什么材料'],
  civil: ['家里老人八十多岁了，高龄补贴怎么领', '低保申请交上去半年了还没有评定结果', '村里公墓乱收墓穴费，殡葬改革政策是什么'],
  justice: ['我没钱请律师，能不能申请法律援助', '邻里纠纷吵了好几年，希望司法所组织人民调解', '办理遗嘱公证要交多少公证费'],
  finance: ['去年的惠农补贴资金到现在还没拨付到位', '乡镇财政困难，专项资金被挪作他用', '建议公开政府采购项目的预算和中标价格'],
  hrss: ['包工头卷款跑了，我们十几个工人的工钱没人给', '公司辞退我不给经济补偿，也不给开离职证明', '单位一直不给我们交五险，到退休年龄怎么办'],
  nr: ['村里有人在基本农田上盖厂房', '小区对面新建高楼挡住了我家的采光，规划审批是否合法', '房子买了五年了房产证还办不下来'],
  eco: ['附近化工厂晚上偷排废气，一股刺鼻的气味', '村边的小河被养殖场的污水染黑了，鱼都死了', '石材厂整天粉尘飞扬，家里窗台一层灰'],
  housing: ['开发商说好的年底交房，到现在楼盘还停工', '物业公司不作为，小区电梯坏了一个月没人修', '老旧小区改造什么时候能轮到我们这片'],
  transport: ['希望开通一条从村里到县城的公交线路', '出租车司机不打表还绕路多收钱', '进村的水泥路被大货车压坏了，坑坑洼洼'],
  water: ['今年大旱，村里的灌溉渠道年久失修放不了水', '河道里有人夜里非法采砂，河堤都被挖空了', '山区群众吃水难，希望修建农村饮水工程'],
  agri: ['买到假种子，玉米出苗率不到一半', '村集体的土地流转费一直没分给农户', '养猪场的病死猪随便扔在路边没人处理'],
  commerce: ['菜市场太破旧，希望改造成标准化农贸市场', '城区加油站太少，建议增设加油站点', '想申请消费券，商户怎么参与促消费活动'],
  culture: ['景区门票太贵，节假日还强制购物', '网吧允许未成年人上网通宵', '村里的古建筑年久失修，文物保护单位不管'],
  health: ['乡镇卫生院看病要排好久，医生态度还差', '孩子打完疫苗发烧，接种点不给说法', '小区门口的黑诊所无证行医'],
  vets: ['我是退伍老兵，带病回乡的补助怎么申请', '义务兵家庭优待金今年还没发', '烈士陵园无人打扫，杂草丛生'],
  emergency: ['楼道里电动车飞线充电，火灾隐患很大', '村边的小作坊违规储存危险化学品', '地震应急避难场所被占用做了停车场'],
  sasac: ['国企改制时的职工安置问题至今没有解决', '市属国有企业的国有资产被低价处置', '改制企业遗留的职工住房问题'],
  market: ['超市卖过期食品，投诉后只给退货', '健身房老板跑路了，预付卡里的钱退不了', '菜市场的秤缺斤短两，商贩还不承认'],
  sports: ['小区附近没有篮球场，希望多建健身设施', '体育馆什么时候能向市民免费开放', '公园里的健身器材坏了好久没人修'],
  medins: ['异地就医备案后住院费用怎么报销', '门诊慢特病的认定要准备哪些材料', '今年城乡居民医保缴费标准又涨了'],
  urban: ['路边的垃圾桶满了好几天也没人清运', '烧烤摊占道经营，油烟呛得没法开窗', '人行道上的井盖丢了，晚上很危险'],
  bigdata: ['政务服务网上办事系统老是登不上去', '希望电子证照在各部门之间数据共享，不用重复提交材料', '一网通办平台上查不到我的办件进度'],
  approval: ['办营业执照在政务大厅跑了好几趟', '施工许可审批时间太长，企业等不起', '便民服务中心窗口工作人员中午提前下班'],
  fund: ['公积金贷款额度能贷多少', '离职后住房公积金怎么提取', '单位一直没给我们缴存住房公积金'],
  court: ['判决生效两年了，对方还是不执行', '起诉到法院半年了还没有开庭', '老赖名下有房有车，申请强制执行'],
  procuratorate: ['河道污染多年，希望检察院提起公益诉讼', '未成年人被校外人员欺负，检察官能介入吗', '对法院的判决不服，想向检察机关申请监督'],
  power: ['我们村一到晚上电压低，空调都开不了', '这个月电费比平时多了一倍，怀疑电表有问题', '小区停车场想装电动汽车充电桩'],
};

/**
 * Letters about the services a department's window handles (a district's public list of 政务服务事项: permits,
 * registrations, benefits), in the words a citizen writes when asking about one.
 */
const SERVICE_ITEMS: Record<string, string[]> = {
  police: ['楼下新开的小旅馆不登记身份证就让人住', '家门钥匙丢了，找的开锁师傅要价太高还没备案'],
  transport: ['教练车没办道路运输证就上路带学员', '危险货物运输的车辆白天在城区穿行'],
  health: ['孩子预防接种要提前预约吗', '婚前检查现在还免费吗，在哪里做'],
  nr: ['村口几百年的古树名木被人偷偷砍了', '有人在山上私挖矿石，采矿权是怎么批的'],
  housing: ['工地的起重机械没有检测就开始吊装', '商品房预售资金被开发商挪用，楼盘烂尾'],
  hrss: ['今年的高校毕业生求职补贴怎么申请', '社保卡密码忘了，在哪里重置'],
  medins: ['在县医院看病需要转诊才能报销吗', '在外地看病垫付的钱，零星报销要带哪些材料'],
  agri: ['养蜂户的蜂箱运输需要动物检疫证明吗', '买的拖拉机质量有问题，农机补贴还没到账'],
  edu: ['孩子身体不好想申请延缓入学', '教师资格认定需要准备什么材料'],
  civil: ['家里有重度残疾人，护理补贴怎么申请', '孤儿基本生活费标准今年提高了吗'],
  vets: ['我是伤残军人，伤残抚恤标准调整了吗', '退役军人优待证办下来能享受哪些优待'],
};

describe("the demo city's everyday vocabulary", () => {
  const lexicon = new DepartmentLexicon(DEPARTMENTS);

  test('every department has at least two everyday letters in the table', () => {
    expect(DEPARTMENTS.filter((d) => (EVERYDAY[d.code] ?? []).length < 2).map((d) => d.code)).toEqual([]);
    expect(Object.keys(EVERYDAY).filter((code) => !DEPARTMENTS.some((d) => d.code === code))).toEqual([]);
  });

  test.each(Object.entries(EVERYDAY).flatMap(([code, letters]) => letters.map((text) => [code, text] as const)))('%s: %s', (code, text) => {
    const found = [...lexicon.match(text)].sort((a, b) => b[1].boost - a[1].boost);
    expect([text, found[0]?.[0]]).toEqual([text, code]);
    expect(found[0][1].words.length).toBeGreaterThan(0);
    // A lead, not a tie: the next department has less evidence.
    expect(found[1]?.[1].boost ?? 0).toBeLessThan(found[0][1].boost);
  });

  test.each(Object.entries(SERVICE_ITEMS).flatMap(([code, letters]) => letters.map((text) => [code, text] as const)))('a service of %s: %s', (code, text) => {
    const found = [...lexicon.match(text)].sort((a, b) => b[1].boost - a[1].boost);
    expect([text, found[0]?.[0]]).toEqual([text, code]);
    expect(found[1]?.[1].boost ?? 0).toBeLessThan(found[0][1].boost);
  });

  test('no department lists a keyword twice, and no keyword is a single character', () => {
    for (const d of DEPARTMENTS) {
      const words = d.keywords.map((k) => k.toLowerCase());
      expect([d.code, words.filter((w, i) => words.indexOf(w) !== i)]).toEqual([d.code, []]);
      expect([d.code, words.filter((w) => w.length < 2)]).toEqual([d.code, []]);
    }
  });
});
