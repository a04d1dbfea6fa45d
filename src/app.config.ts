export default defineAppConfig({
  // Citizen pages live in the main package; staff, supervision and board pages go in subpackages
  // so the main package stays under the 1.5 MB the WeChat scan tool warns at (platform-limits G1).
  pages: [
    'pages/index/index',
    'pages/catalog/index',
    'pages/search/index',
    'pages/matter/index',
    // Booking and queue: citizens reach them from a notification too (booking/detail, queue), so they stay in the main package.
    'pages/booking/date/index',
    'pages/booking/slots/index',
    'pages/booking/form/index',
    'pages/booking/detail/index',
    'pages/booking/mine/index',
    'pages/queue/index',
    // 消息 (message centre): small, and every push and the home page lead here.
    'pages/messages/index',
  ],
  subPackages: [
    { root: 'packages/dev', pages: ['login/index'] },
    // 预约办事: the bookable matters by department, opened from the home page's tile.
    { root: 'packages/booking', pages: ['matters/index'] },
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
    // 设置 (长辈版 by name): opened from the home page only.
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
  // 首页 and 消息 as tabs: the unread count sits on the 消息 tab (issue 5). Text-only tabs keep
  // the main package free of icon images.
  tabBar: {
    color: '#4e5969',
    selectedColor: '#0b57d0',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/index/index', text: '首页' },
      { pagePath: 'pages/messages/index', text: '消息' },
    ],
  },
  // Inject only the components a page uses (the scan tool marks this as required, G5).
  lazyCodeLoading: 'requiredComponents',
})
