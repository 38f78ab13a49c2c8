/** Chinese strings of the guided tour, the parameters dock and the embed view: typed against the English keys, so a missing key fails type-check. */
import type { tour as en } from '../en/tour.ts';

export const tour: { readonly [K in keyof typeof en]: string } = {
  'tour.start': '导览',
  'tour.label': '导览',
  'tour.stepOf': '第 {n} 步，共 {total} 步',
  'tour.next': '下一步',
  'tour.back': '上一步',
  'tour.close': '关闭导览',
  'tour.try': '试一试：',
  'tour.link': '本步链接',
  'tour.keys': '按 Esc 退出导览；本步的设置保持不变。',

  'tour.imbalance.title': '海量的简单负样本',
  'tour.imbalance.body':
    '检测器在每张图像上给成千上万个候选打分，其中几乎全是负样本。这个集合有 10 个正样本和 10,000 个负样本；条形图显示普通交叉熵总和中来自负样本的部分。',
  'tour.imbalance.try':
    '把一个负样本拖向正样本（或聚焦后用方向键移动），观察负样本在损失中的占比。',

  'tour.ranking.title': '排序而不是分类',
  'tour.ranking.body':
    'DR 要求的是排序：每个正样本的分数都应比每个负样本高出间隔 γ。面板 2 精确检查全部 n+·n− 对，并统计违反间隔的对数。',
  'tour.ranking.try': '上下移动 γ，观察违反间隔的对数。',

  'tour.worstCase.title': '只看最差的一对',
  'tour.worstCase.body':
    '对所有对排序代价高，于是可以只排最难的一对：分数最高的负样本对分数最低的正样本（式 5）。这样一个离群点就决定了整个损失。',
  'tour.worstCase.try': '把分数最高的负样本向右拖：最坏情况损失只跟随这一个候选。',

  'tour.distribution.title': '对两个分布排序',
  'tour.distribution.body':
    'DR 对正样本的分布与负样本的分布排序。负样本被重新加权，q− ∝ o·e^(p/λ−)，权重移向难负样本，P̂− = Σ q−·p 介于其普通均值与最大值之间。',
  'tour.distribution.try': '输入 λ− = 1，再输入 λ− = 0.02：P̂− 从均值附近滑向最难的负样本。',

  'tour.variance.title': '图 2：分布的离散程度很重要',
  'tour.variance.body':
    '论文图 2 比较了方差小与方差大的负样本。重新加权关注的是难样本的尾部，所以 P̂− 高出普通均值多少取决于离散程度，而不只是均值。',
  'tour.variance.try':
    '按“固定为基线”，再选择“图 2：小方差”集合：淡色的虚影保留了这个集合的 q−，便于比较。',

  'tour.smoothing.title': '平滑合页损失',
  'tour.smoothing.body':
    '损失为 τ·ℓ(z)，其中 z = P̂− − P̂+ + γ。合页 [z]+ 在 0 处有折点，因此 DR 使用 logistic 替代 log(1 + e^(Lz))/L，它比合页最多高 log 2 / L。',
  'tour.smoothing.try': '把 L 从 6 改为 1，观察 z = 0 处与合页的差距增大到 log 2。',

  'tour.gradient.title': '梯度流向哪里',
  'tour.gradient.body':
    '面板 6 按分数展示每个候选的梯度，并与同一批候选的 focal loss 和交叉熵并列。DR 在负样本上的梯度跟随其权重 q−，读数给出最难的 1 % 负样本所得的份额。',
  'tour.gradient.try': '先固定基线，再减小 λ−，比较最难 1 % 的份额以及基线的淡色圆环。',

  'tour.recovery.title': '回到分类',
  'tour.recovery.body':
    '检测器仍需要对每个分数设阈值。论文 §3.3 把排序间隔 γ 与阈值 γ 和 1 − γ 联系起来；面板 7 画出这两个阈值并统计两侧的候选数。',
  'tour.recovery.try': '把 γ 调向 1，观察还有多少正样本超过阈值。',

  'tour.tables.title': '论文中的数字',
  'tour.tables.body':
    '论文在 COCO 上的消融实验给出了不同 λ 和各替代函数的 AP。与当前设置最接近的一行会被标出，因此本页上的每个实验都可以与之对照。',
  'tour.tables.try': '改变 λ− 或替代函数，看表中哪一行被标出。',

  'dock.open': '参数',
  'dock.openLabel': '参数：打开滑块',
  'dock.close': '关闭参数',
  'dock.title': '参数',

  'embed.full': '打开完整的 DR 损失探索器',
  'embed.label': 'DR 损失探索器的一个面板',
};
