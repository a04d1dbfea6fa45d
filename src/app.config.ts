export default defineAppConfig({
  // Citizen pages live in the main package; staff, supervision and board pages go in subpackages
  // so the main package stays under the 1.5 MB the WeChat scan tool warns at (platform-limits G1).
  pages: [
    'pages/index/index',
    'pages/catalog/index',
    'pages/matter/index',
    // A booking and the queue: citizens reach them from a notification (booking/detail, queue), so they stay in the main package.
    'pages/booking/detail/index',
    'pages/queue/index',
    // 消息 (message centre): small, and every push and the home page lead here.
    'pages/messages/index',
    // 我的 (a tab: tab pages must be in the main package).
    'pages/mine/index',
  ],
  subPackages: [
    { root: 'packages/dev', pages: ['login/index'] },
    // Booking: 预约办事 (the bookable matters by department), the days, the times and the form, and
    // 我的预约. None is opened from a push (booking/detail is, and stays in the main package); the home
    // and matter pages preload this package (preloadRule below), so the first tap does not wait for it.
    { root: 'packages/booking', pages: ['matters/index', 'date/index', 'slots/index', 'form/index', 'mine/index'] },
    // 事项查询 (the home page's search box).
    { root: 'packages/search', pages: ['index/index'] },
    // 候补 (join, 我的候补): reached from a full booking day and from the offer push.
    { root: 'packages/waitlist', pages: ['join/index', 'mine/index'] },
    // Online application (网上申请, 我的办件, 办件进度): opened from a matter or the home page, so the main package stays small.
    // 亲属代查 too: share (applicant), follow (the share card opens it), followed (a follower's push opens it), followed-list, lookup (进度查询).
    // 我的信息与材料: the citizen's saved details and material library, to see and delete.
    {
      root: 'packages/case',
      pages: [
        'apply/index',
        'mine/index',
        'my-data/index',
        'detail/index',
        'share/index',
        'follow/index',
        'followed/index',
        'followed-list/index',
        'lookup/index',
      ],
    },
    {
      root: 'packages/staff',
      pages: [
        'index/index',
        'today/index',
        'schedule/index',
        'checkin/index',
        'console/index',
        'cases/index',
        'case/index',
        'bind/index',
        'inquiries/index',
        'inquiry/index',
        'invite/index',
        // 好差评 差评工单 and the office's complaint inbox; 上门服务 dispatch and 帮办代办.
        'ratings/index',
        'rating/index',
        'complaints/index',
        'complaint/index',
        'visits/index',
        'visit/index',
        'assists/index',
        'assist/index',
      ],
    },
    // 咨询 (ask, 我的咨询, conversation): the reply push opens inquiry/detail.
    { root: 'packages/inquiry', pages: ['ask/index', 'mine/index', 'detail/index'] },
    // 好差评 and 投诉: rate, 我的评价与投诉, a rating's 差评 progress, the public figures, the complaint form and its tracking.
    {
      root: 'packages/feedback',
      pages: ['rate/index', 'mine/index', 'rating/index', 'figures/index', 'complain/index', 'complaint/index'],
    },
    // 上门服务 and 帮办代办: the request, my requests and each one's progress.
    { root: 'packages/visit', pages: ['request/index', 'mine/index', 'detail/index', 'assist/index', 'assist-detail/index'] },
    // 效能监督: the supervision console, red and yellow cases with their violations, 督办, attendance, and the hall's sign-in code display.
    {
      root: 'packages/supervision',
      pages: [
        'console/index',
        'cases/index',
        'case/index',
        'orders/index',
        'order/index',
        'order-new/index',
        'attendance/index',
        'hall-code/index',
      ],
    },
    // 工作日历 (the administrator's working-day calendar): used a few times a year by one person, so it is not in the main package or the daily staff package.
    { root: 'packages/admin', pages: ['calendar/index', 'notices/index', 'notice/index'] },
    { root: 'packages/notice', pages: ['list/index', 'detail/index'] },
    // 设置 (长辈版 by name): opened from 我的 and the 长辈版 home.
    { root: 'packages/settings', pages: ['index/index'] },
  ],
  window: {
    navigationBarTitleText: '政务服务中心',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTextStyle: 'black',
    // The weapp's default; on h5 it makes Taro's router draw the title bar with a back (or home)
    // button on every page but the tab pages, as WeChat does (@tarojs/router navigation-bar).
    navigationStyle: 'default',
    backgroundColor: '#f2f3f5',
    backgroundTextStyle: 'dark',
  },
  // 首页, 消息 and 我的 as tabs: the unread count sits on the 消息 tab. WeChat's tab icons must be
  // local PNG/JPG files of at most 40 KB (81×81 px advised): scripts/tab-icons.ts draws them from
  // the app's Lucide icons (https://developers.weixin.qq.com/miniprogram/dev/reference/configuration/app.html#tabBar).
  tabBar: {
    color: '#4e5969',
    selectedColor: '#0b57d0',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/index/index', text: '首页', iconPath: 'assets/tab/home.png', selectedIconPath: 'assets/tab/home-on.png' },
      {
        pagePath: 'pages/messages/index',
        text: '消息',
        iconPath: 'assets/tab/messages.png',
        selectedIconPath: 'assets/tab/messages-on.png',
      },
      { pagePath: 'pages/mine/index', text: '我的', iconPath: 'assets/tab/mine.png', selectedIconPath: 'assets/tab/mine-on.png' },
    ],
  },
  // Download the booking package while the citizen reads the home or matter page (WeChat's 分包预下载:
  // https://developers.weixin.qq.com/miniprogram/dev/framework/subpackages/preload.html).
  preloadRule: {
    'pages/index/index': { network: 'all', packages: ['packages/booking'] },
    'pages/matter/index': { network: 'all', packages: ['packages/booking'] },
  },
  // Inject only the components a page uses (the scan tool marks this as required, G5).
  lazyCodeLoading: 'requiredComponents',
})
