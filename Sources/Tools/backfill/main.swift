import BotRuntime
import Foundation

exit(await BackfillCommand.main())
