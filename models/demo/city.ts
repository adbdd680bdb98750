/** The demo city 淄博市: its districts and counties, some towns/streets, liaison stations and people. */

export interface DistrictSeed {
  code: string;
  name: string;
  key: string;
  towns: string[];
}

export const CITY = { code: '370300', name: '淄博市' };

export const DISTRICTS: DistrictSeed[] = [
  { code: '370303', name: '张店区', key: 'zhangdian', towns: ['车站街道', '公园街道', '和平街道', '科苑街道'] },
  { code: '370302', name: '淄川区', key: 'zichuan', towns: ['般阳路街道', '松龄路街道', '昆仑镇'] },
  { code: '370304', name: '博山区', key: 'boshan', towns: ['城东街道', '城西街道', '八陡镇'] },
  { code: '370306', name: '周村区', key: 'zhoucun', towns: ['丝绸路街道', '永安街道', '王村镇'] },
  { code: '370305', name: '临淄区', key: 'linzi', towns: ['闻韶街道', '稷下街道', '敬仲镇'] },
  { code: '370321', name: '桓台县', key: 'huantai', towns: ['索镇街道', '少海街道', '马桥镇'] },
  { code: '370322', name: '高青县', key: 'gaoqing', towns: ['田镇街道', '芦湖街道', '花沟镇'] },
  { code: '370323', name: '沂源县', key: 'yiyuan', towns: ['历山街道', '南麻街道', '鲁村镇'] },
];

export const DEPUTY_NAMES = [
  '王建国', '李秀英', '张志强', '刘海燕', '陈明', '杨丽娟', '赵德胜', '黄晓梅', '周国庆', '吴敏',
  '徐立新', '孙红霞', '马文斌', '朱春燕', '胡永刚', '郭静', '何振华', '高玉兰', '林峰', '罗雪梅',
  '郑克强', '梁晓燕', '谢宝山', '宋丽华', '唐伟', '许桂芝', '韩磊', '冯淑贞', '邓卫东', '曹艳',
  '彭建军', '曾凤英', '肖勇', '田秀兰', '董海涛', '袁丽', '潘志刚', '于红梅', '蒋国华', '蔡玉梅',
  '余波', '杜娟', '叶长青', '程慧', '苏建华', '魏春花', '吕振东', '丁晓丽', '任广才', '沈佳',
];

export const CITIZEN_NAMES = ['李大爷', '王阿姨', '张先生', '刘女士', '赵师傅', '孙同学', '周大姐', '吴先生', '郑女士', '钱老师'];

export const OCCUPATIONS: { occupation: string; workUnit: string; post: string }[] = [
  { occupation: '企业管理人员', workUnit: '山东某陶瓷集团有限公司', post: '总经理' },
  { occupation: '教师', workUnit: '淄博市第一中学', post: '教师' },
  { occupation: '医务工作者', workUnit: '淄博市中心医院', post: '主任医师' },
  { occupation: '农民', workUnit: '某村股份经济合作社', post: '党支部书记' },
  { occupation: '工人', workUnit: '齐鲁石化某分厂', post: '班组长' },
  { occupation: '公务员', workUnit: '某街道办事处', post: '主任' },
  { occupation: '律师', workUnit: '山东某律师事务所', post: '主任律师' },
  { occupation: '个体工商户', workUnit: '某烧烤店', post: '业主' },
  { occupation: '社区工作者', workUnit: '某社区居民委员会', post: '主任' },
  { occupation: '科技人员', workUnit: '淄博某新材料研究院', post: '高级工程师' },
];
