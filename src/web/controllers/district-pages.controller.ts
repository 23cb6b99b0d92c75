import { ViewService } from '../view.service';
import { WebController } from '../web-controller';

@WebController()
export class DistrictPagesController {
  constructor(private readonly view: ViewService) {}
}
